import { useState } from 'react';
import { version } from '../../../package.json';
import { currentTrace, selectTab } from '../../store';
import type { AppTab } from '../../store';
import { shareUrl } from '../../trace/link';
import { ToolbarMenu } from '../chrome/ToolbarMenu';
import { fileName, pageUrl } from '../share/files';
import { useAppStore, useStoreApi } from '../storeContext';
import type * as Picture from './picture';
import type { PictureOf } from './picture';
import type { Scheme } from './pictureStyles';

const WHAT: Record<PictureOf, string> = {
  graph: 'the graph',
  timeline: 'the timeline',
  compare: 'the compare view',
  explore: "the explorer's chart and table",
};
const OF_TAB: Record<AppTab, PictureOf> = {
  graph: 'graph',
  timeline: 'timeline',
  compare: 'compare',
  explore: 'explore',
};

function saveBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Picture": the view shown (or the timeline strip) as a standalone SVG or PNG, light or
 * dark, captioned with the work's title, variant, step, luoscope's version and its share link.
 */
export function PictureMenu() {
  const store = useStoreApi();
  const tab = useAppStore(selectTab);
  const [choice, setChoice] = useState<PictureOf | null>(null);
  const [scheme, setScheme] = useState<Scheme>(() =>
    window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  const what = choice ?? OF_TAB[tab];
  const make = async (format: 'svg' | 'png') => {
    let m: typeof Picture;
    try {
      m = await import('./picture');
    } catch (error) {
      store.getState().setNotice(`The picture export could not be loaded: ${String(error)}.`);
      return;
    }
    const piece = m.findPiece(what);
    if (typeof piece === 'string') {
      store.getState().setNotice(piece);
      return;
    }
    const s = store.getState();
    const svg = m.pictureSvg(piece, scheme, {
      title: s.scenario.title,
      view: WHAT[what],
      variant: s.variant,
      position: s.position,
      steps: s.actions.length,
      version,
      link: shareUrl(pageUrl(window.location.href), currentTrace(s)),
    });
    const name = fileName(s.scenario.id, s.variant, s.position, `${what}.${format}`);
    saveBlob(
      name,
      format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await m.pngOf(svg),
    );
    s.announce(`Picture of ${WHAT[what]} downloaded as ${name}.`);
  };
  return (
    <ToolbarMenu label="Picture" testId="picture-menu" align="end">
      <div className="picture-menu">
        <label>
          Picture of
          <select
            data-testid="picture-of"
            value={what}
            onChange={(e) => setChoice(e.target.value as PictureOf)}
          >
            {(Object.keys(WHAT) as PictureOf[]).map((k) => (
              <option key={k} value={k}>
                {WHAT[k]}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Colours</legend>
          {(['light', 'dark'] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="picture-scheme"
                data-testid={`picture-${k}`}
                checked={scheme === k}
                onChange={() => setScheme(k)}
              />
              {k}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <button type="button" data-testid="picture-svg" onClick={() => void make('svg')}>
            Download SVG
          </button>
          <button type="button" data-testid="picture-png" onClick={() => void make('png')}>
            Download PNG
          </button>
        </div>
        <p className="muted">
          Standalone: styles inside, common fonts, a caption with the share link as text.
        </p>
      </div>
    </ToolbarMenu>
  );
}
