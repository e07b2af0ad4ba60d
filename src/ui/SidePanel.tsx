import { handlerFor } from '../engine';
import type { FileId } from '../engine';
import { selectNodeView, selectScenario, selectSelected } from '../store';
import { PanelActions } from './PanelActions';
import { PropControls } from './PropControls';
import { STATE_TEXT } from './nodeStates';
import { useAppStore } from './storeContext';

/** The selected file: what it is, where it is, and every action on it. */
export function SidePanel() {
  const selected = useAppStore(selectSelected);
  const scenario = useAppStore(selectScenario);
  const view = useAppStore(selectNodeView(selected ?? ''));
  const spec = scenario.files.find((f) => f.id === selected);
  if (!selected || !spec || !view) {
    return (
      <section className="panel" aria-labelledby="panel-title" data-testid="panel">
        <h2 id="panel-title">File</h2>
        <p className="muted">Select a file in the graph to see its state and its actions.</p>
      </section>
    );
  }
  const handler = handlerFor(spec.type);
  return (
    <section className="panel" aria-labelledby="panel-title" data-testid="panel">
      <h2 id="panel-title">
        {spec.id} <span className="muted">({spec.type})</span>
      </h2>
      <p>{handler ? handler.summary : 'no LUO handler: PRESERVE_FD gives ENOENT'}</p>
      {spec.deps.length > 0 && <p className="muted">Depends on: {spec.deps.join(', ')}</p>}
      <p data-testid="panel-state" data-state={view.state}>
        <strong>{STATE_TEXT[view.state]}</strong>
        {view.orphan && <strong className="orphan-text"> · orphan</strong>}: {view.detail}
      </p>
      <PanelActions id={selected as FileId} />
      {handler && handler.props.length > 0 && (
        <PropControls id={selected as FileId} props={handler.props} />
      )}
    </section>
  );
}
