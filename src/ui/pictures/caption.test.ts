import { describe, expect, it } from 'vitest';
import { captionLines } from './caption';

const info = {
  title: "The thread's example",
  view: 'the graph',
  variant: 'A',
  position: 7,
  steps: 7,
  version: '0.1.0',
  link: `http://127.0.0.1:4173/#trace=1.${'x'.repeat(300)}`,
};

describe('captionLines', () => {
  it('title, what and where, then the whole link cut to the width', () => {
    const lines = captionLines(info, 640);
    expect(lines[0]).toEqual({ text: "luoscope: The thread's example", cls: 'pic-title' });
    expect(lines[1]!.text).toBe('the graph · variant A · step 7 of 7 · luoscope 0.1.0');
    const link = lines.filter((l) => l.cls === 'pic-link').map((l) => l.text);
    expect(link.join('')).toBe(info.link);
    expect(link.length).toBeGreaterThan(1);
    for (const l of link) expect(l.length * 6.4).toBeLessThanOrEqual(640);
  });
});
