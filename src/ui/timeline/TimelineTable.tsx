import { useMemo } from 'react';
import type { TimelineGeometry } from '../../layout/timeline';

interface Props {
  geometry: TimelineGeometry;
  position: number;
  onJump(position: number): void;
  caption: string;
  /** Shown on screen too (else only screen readers read it). */
  shown: boolean;
}

/** The timeline as a table, a row per step: what it did to which file, its result, the harm. */
export function TimelineTable({ geometry: g, position, onJump, caption, shown }: Props) {
  const byStep = useMemo(() => {
    const what = new Map<number, string[]>();
    const harm = new Map<number, string[]>();
    const push = (m: Map<number, string[]>, k: number, v: string) =>
      m.set(k, [...(m.get(k) ?? []), v]);
    for (const x of g.glyphs) push(what, x.step, x.title.replace(/^\d+\. /, ''));
    for (const b of g.bands) push(what, b.step, b.label);
    for (const m of g.marks) push(harm, m.step, m.text);
    return { what, harm };
  }, [g]);
  return (
    <div className={shown ? 'tl-table-wrap' : 'sr-only'} data-testid="timeline-table">
      <table className="tl-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Boot</th>
            <th scope="col">What happened</th>
            <th scope="col">Result</th>
            <th scope="col">Orphan, data loss, stuck</th>
          </tr>
        </thead>
        <tbody>
          {g.columns.map((c) => (
            <tr key={c.step} aria-current={c.step === position ? 'step' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="tl-table-jump"
                  onClick={() => onJump(c.step)}
                  aria-label={`Show the state after step ${c.step}`}
                >
                  {c.step}
                </button>
              </th>
              <td>{c.boot}</td>
              <td>{(byStep.what.get(c.step) ?? [c.op]).join('; ')}</td>
              <td>{c.result}</td>
              <td>{(byStep.harm.get(c.step) ?? []).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
