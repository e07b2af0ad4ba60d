import type { Variant } from '../../engine';
import { CLASSES, isReported } from '../../explore';
import type { ExploreResult, RunClass } from '../../explore';
import { selectExploreQueued, selectExploreResults } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { CLASS_INFO } from './classes';
import { formatCount, plural } from './format';

function Count({ n, testid }: { n: bigint; testid: string }) {
  const exact = `${n.toString()} runs`;
  return (
    <span className="count" data-testid={testid} data-count={n.toString()} title={exact}>
      {formatCount(n)}
    </span>
  );
}

function Cell({
  variant,
  cls,
  result,
}: {
  variant: Variant;
  cls: RunClass;
  result?: ExploreResult;
}) {
  const store = useStoreApi();
  if (!result) return <td className="muted">not explored</td>;
  const witness = result.witnesses[cls];
  return (
    <td>
      <Count n={result.classes[cls]} testid={`explore-count-${variant}-${cls}`} />
      {witness && (
        <button
          type="button"
          className="witness"
          data-testid={`load-witness-${variant}-${cls}`}
          aria-label={`Load shortest run (${plural(witness.length, 'step')}): ${cls} under variant ${variant}`}
          onClick={() => store.getState().loadWitness(variant, cls)}
        >
          Load shortest run ({plural(witness.length, 'step')})
        </button>
      )}
    </td>
  );
}

/** Runs by class (rows) and variant (columns), exact, with a shortest run to load per cell. */
export function ExploreTable() {
  const queued = useAppStore(selectExploreQueued);
  const results = useAppStore(selectExploreResults);
  if (!queued.some((v) => results[v])) return null;
  return (
    <table className="explore-table" data-testid="explore-table">
      <caption>Runs by class and variant (a run may fall in several classes)</caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          {queued.map((v) => (
            <th key={v} scope="col">
              Variant {v}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr className="total">
          <th scope="row">All runs</th>
          {queued.map((v) => {
            const r = results[v];
            return (
              <td key={v} className={r ? '' : 'muted'}>
                {r ? (
                  <>
                    <Count n={r.runs} testid={`explore-count-${v}-runs`} />
                    <span className="muted states"> {plural(r.states, 'state')} visited</span>
                  </>
                ) : (
                  'not explored'
                )}
              </td>
            );
          })}
        </tr>
        {CLASSES.filter((c) => queued.some((v) => isReported(c, results[v]?.classes[c] ?? 0n))).map(
          (c) => (
            <tr key={c}>
              <th scope="row">
                <code>{c}</code>
                <span className="class-info">{CLASS_INFO[c]}</span>
              </th>
              {queued.map((v) => (
                <Cell key={v} variant={v} cls={c} result={results[v]} />
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
