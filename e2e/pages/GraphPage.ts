/** The graph as a user sees it: node boxes on screen, label sizes, groups and their buttons. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** A node's box on screen, in CSS px. */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export class GraphPage {
  /** The scroll box around the canvas; `data-columns` is the layout's column count. */
  readonly box: Locator;
  readonly svg: Locator;
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByTestId('graph-box');
    this.svg = page.getByTestId('graph');
    this.view = this.svg.locator(':scope > g');
  }

  group(id: string): Locator {
    return this.page.getByTestId(`node-group:${id}`);
  }

  all(id: string): Locator {
    return this.page.getByTestId(`all-group:${id}`);
  }

  expand(id: string): Locator {
    return this.page.getByTestId(`expand-group:${id}`);
  }

  /** Expands every group, one by one, and waits until none is left. */
  async expandAll(): Promise<void> {
    const buttons = this.page.locator('[data-testid^="expand-group:"]');
    for (let n = await buttons.count(); n > 0; n--) {
      await buttons.first().click();
      await expect(buttons).toHaveCount(n - 1);
    }
  }

  /** Every node's box (its main rectangle) on screen, in reading order. */
  boxes(): Promise<Box[]> {
    return this.svg.evaluate((svg) =>
      [...svg.querySelectorAll('[data-testid^="node-"]')].map((node) => {
        const r = node.querySelector(':scope > rect.node-box:not(.group-back)')!;
        const b = r.getBoundingClientRect();
        return {
          id: node.getAttribute('data-testid')!,
          x: b.x,
          y: b.y,
          width: b.width,
          height: b.height,
        };
      }),
    );
  }

  /**
   * The smallest label of any node as drawn: its computed font size times the scale of its
   * screen transform (the zoom), in CSS px; and which label it is.
   */
  smallestLabel(): Promise<{ px: number; text: string }> {
    return this.svg.evaluate((svg) => {
      let best = { px: Infinity, text: '' };
      for (const t of svg.querySelectorAll<SVGTextElement>('[data-testid^="node-"] text')) {
        const m = t.getScreenCTM()!;
        const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        if (px < best.px) best = { px, text: t.textContent ?? '' };
      }
      return best;
    });
  }

  /** Pairs of node boxes that overlap on screen. */
  async overlaps(): Promise<string[]> {
    const b = await this.boxes();
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) {
      for (let j = i + 1; j < b.length; j++) {
        const [p, q] = [b[i]!, b[j]!];
        const apart =
          p.x + p.width <= q.x + 0.5 ||
          q.x + q.width <= p.x + 0.5 ||
          p.y + p.height <= q.y + 0.5 ||
          q.y + q.height <= p.y + 0.5;
        if (!apart) out.push(`${p.id} ${q.id}`);
      }
    }
    return out;
  }

  /** The scroll box's sizes: what is in sight and what the canvas holds. */
  scroll(): Promise<{
    top: number;
    width: number;
    height: number;
    scrollWidth: number;
    scrollHeight: number;
  }> {
    return this.box.evaluate((b) => ({
      top: b.scrollTop,
      width: b.clientWidth,
      height: b.clientHeight,
      scrollWidth: b.scrollWidth,
      scrollHeight: b.scrollHeight,
    }));
  }
}
