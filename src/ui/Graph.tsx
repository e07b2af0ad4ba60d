import { ArrowMarker } from './ArrowMarker';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fileGroups, layoutGrouped } from '../layout/groups';
import { selectScenario, selectView } from '../store';
import type { ViewTransform } from '../store';
import { GraphEdge } from './GraphEdge';
import { GraphNode } from './GraphNode';
import { GroupNode } from './GroupNode';
import { useAppStore, useStoreApi } from './storeContext';
import { fitTransform, zoomAbout } from './viewMath';
import type { ZoomController } from './zoomController';

const NO_GROUP: ReadonlySet<string> = new Set();

/**
 * The dependency graph: React renders every element; d3-zoom only reports the transform.
 * Interchangeable files (GROUP_MIN or more) draw as one group node until expanded. `maxFit`
 * caps the zoom of "Fit" (presenter mode draws the graph larger).
 */
export function Graph({ maxFit }: { maxFit?: number }) {
  const scenario = useAppStore(selectScenario);
  // Groups drawn as their files, for this scenario only.
  const [open, setOpen] = useState<{ files: unknown; ids: ReadonlySet<string> }>({
    files: null,
    ids: new Set(),
  });
  const expanded = open.files === scenario.files ? open.ids : NO_GROUP;
  const layout = useMemo(() => layoutGrouped(scenario.files, expanded), [scenario, expanded]);
  const groups = useMemo(
    () => new Map(fileGroups(scenario.files).map((g) => [g.id, g])),
    [scenario],
  );
  const expand = useCallback(
    (id: string) => setOpen({ files: scenario.files, ids: new Set([...expanded, id]) }),
    [scenario, expanded],
  );
  const view = useAppStore(selectView);
  const store = useStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomController | null>(null);
  const types = useMemo(
    () => new Map(scenario.files.map((f) => [f.id as string, f.type as string])),
    [scenario],
  );

  const moveTo = useCallback((make: (w: number, h: number) => ViewTransform) => {
    const svg = svgRef.current;
    if (svg) zoomRef.current?.update(make(svg.clientWidth, svg.clientHeight));
  }, []);
  const fit = useCallback(
    () => moveTo((w, h) => fitTransform(layout, w, h, maxFit)),
    [layout, moveTo, maxFit],
  );
  const fitNow = useRef(fit);
  useEffect(() => {
    fitNow.current = fit;
  }, [fit]);

  // d3-zoom (with d3-selection and d3-transition, about 20 KB gzip) loads after the first
  // paint, not with the page: until it is there the graph is drawn, just not yet zoomable.
  useEffect(() => {
    let live = true;
    let controller: ZoomController | null = null;
    void import('./zoomController').then(({ createZoomController }) => {
      if (!live || !svgRef.current) return;
      controller = createZoomController(svgRef.current, {
        onChange: (v) => store.getState().setView(v),
      });
      zoomRef.current = controller;
      // The fit that ran before the controller existed.
      fitNow.current();
    });
    return () => {
      live = false;
      controller?.destroy();
      zoomRef.current = null;
    };
  }, [store]);
  const zoomBy = (f: number) => moveTo((w, h) => zoomAbout(store.getState().view, f, w / 2, h / 2));

  // A new scenario (a new layout) is shown whole.
  useEffect(fit, [fit]);

  return (
    <section className="graph" aria-labelledby="graph-title">
      <div className="graph-head">
        <h2 id="graph-title">Files and their dependencies</h2>
        <p className="hint" id="graph-hint">
          Click a file, or Tab to it and press Enter or Space: before kexec it is preserved, after
          kexec it is retrieved. Arrows point to what a file depends on. Drag to pan, wheel to zoom.
        </p>
        <div className="zoom-buttons">
          <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={fit}>
            Fit
          </button>
          {expanded.size > 0 && (
            <button
              type="button"
              data-testid="collapse-groups"
              onClick={() => setOpen({ files: scenario.files, ids: NO_GROUP })}
            >
              Group alike files
            </button>
          )}
        </div>
      </div>
      <svg
        ref={svgRef}
        className="graph-canvas"
        role="group"
        aria-labelledby="graph-title"
        aria-describedby="graph-hint"
        data-testid="graph"
      >
        <defs>
          <ArrowMarker id="arrow" />
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {layout.edges.map((e) => (
            <GraphEdge key={e.id} edge={e} />
          ))}
          {layout.nodes.map((n) => {
            const group = groups.get(n.id);
            return group && !expanded.has(n.id) ? (
              <GroupNode key={n.id} group={group} x={n.x} y={n.y} onExpand={expand} />
            ) : (
              <GraphNode key={n.id} id={n.id} type={types.get(n.id) ?? ''} x={n.x} y={n.y} />
            );
          })}
        </g>
      </svg>
    </section>
  );
}
