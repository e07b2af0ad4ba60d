import { ArrowMarker } from './ArrowMarker';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fileGroups, layoutGrouped } from '../layout/groups';
import { selectScenario, selectView } from '../store';
import type { ViewTransform } from '../store';
import { GraphEdge } from './GraphEdge';
import { GraphNode } from './GraphNode';
import { GroupNode } from './GroupNode';
import { useAppStore, useStoreApi } from './storeContext';
import { canvasSize, columnsFor, fitTransform, zoomAbout } from './viewMath';
import type { ZoomController } from './zoomController';

const NO_GROUP: ReadonlySet<string> = new Set();

/** The box's inner size, measured before the first paint and on every resize. */
function useBoxSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setSize((s) =>
        s.w === el.clientWidth && s.h === el.clientHeight
          ? s
          : { w: el.clientWidth, h: el.clientHeight },
      );
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The node with this id in the graph, to move the focus to. */
const nodeIn = (svg: SVGSVGElement | null, id: string) =>
  [...(svg?.querySelectorAll<SVGGElement>('[data-testid^="node-"]') ?? [])].find(
    (e) => e.dataset.testid === `node-${id}`,
  );

/**
 * The dependency graph: React renders every element; d3-zoom only reports the transform.
 * Interchangeable files (GROUP_MIN or more) draw as one group node until expanded. Wide layers
 * wrap into as many columns as the box holds at a readable scale, and a layout taller than the
 * box scrolls in it (the fit rule: viewMath.ts). `maxFit` caps the zoom of "Fit" (presenter
 * mode draws the graph larger).
 */
export function Graph({ maxFit }: { maxFit?: number }) {
  const scenario = useAppStore(selectScenario);
  const boxRef = useRef<HTMLDivElement>(null);
  const box = useBoxSize(boxRef);
  const columns = box.w > 0 ? columnsFor(box.w) : Infinity;
  // Where the focus goes once the layout has changed (the expanded group's first file).
  const focusNext = useRef<string | null>(null);
  // Groups drawn as their files, for this scenario only.
  const [open, setOpen] = useState<{ files: unknown; ids: ReadonlySet<string> }>({
    files: null,
    ids: new Set(),
  });
  const expanded = open.files === scenario.files ? open.ids : NO_GROUP;
  const layout = useMemo(
    () => layoutGrouped(scenario.files, expanded, columns),
    [scenario, expanded, columns],
  );
  const canvas = canvasSize(layout, box.w, box.h, maxFit);
  const groups = useMemo(
    () => new Map(fileGroups(scenario.files).map((g) => [g.id, g])),
    [scenario],
  );
  const expand = useCallback(
    (id: string) => {
      focusNext.current = groups.get(id)?.members[0] ?? null;
      setOpen({ files: scenario.files, ids: new Set([...expanded, id]) });
    },
    [scenario, expanded, groups],
  );
  const collapse = () => {
    focusNext.current = groups.keys().next().value ?? null;
    setOpen({ files: scenario.files, ids: NO_GROUP });
  };
  const view = useAppStore(selectView);
  const store = useStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomController | null>(null);
  const types = useMemo(
    () => new Map(scenario.files.map((f) => [f.id as string, f.type as string])),
    [scenario],
  );

  // Until d3-zoom has loaded, the view is set directly: the first paint is already fit.
  const moveTo = useCallback(
    (view: ViewTransform) => {
      if (zoomRef.current) zoomRef.current.update(view);
      else store.getState().setView(view);
    },
    [store],
  );
  const fit = useCallback(
    () => moveTo(fitTransform(layout, canvas.width, canvas.height, maxFit)),
    [layout, moveTo, canvas.width, canvas.height, maxFit],
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
  // About the middle of the part of the canvas in sight.
  const zoomBy = (f: number) => {
    const b = boxRef.current;
    if (!b) return;
    const [cx, cy] = [b.scrollLeft + b.clientWidth / 2, b.scrollTop + b.clientHeight / 2];
    moveTo(zoomAbout(store.getState().view, f, cx, cy));
  };

  // A new layout (a new scenario, a group expanded, another column count) is fit again; a
  // resize that keeps the layout leaves the view alone, as a click does.
  useEffect(() => {
    fitNow.current();
  }, [layout]);
  useEffect(() => {
    boxRef.current?.scrollTo({ top: 0, left: 0 });
  }, [scenario]);
  useEffect(() => {
    const id = focusNext.current;
    focusNext.current = null;
    if (id) nodeIn(svgRef.current, id)?.focus();
  }, [layout]);

  return (
    <section className="graph" aria-labelledby="graph-title">
      <div className="graph-head">
        <h2 id="graph-title">Files and their dependencies</h2>
        <p className="hint" id="graph-hint">
          Click a file, or Tab to it and press Enter or Space: before kexec it is preserved, after
          kexec it is retrieved. Arrows point to what a file depends on. Drag to pan, wheel to zoom
          (Ctrl + wheel where the graph scrolls).
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
            <button type="button" data-testid="collapse-groups" onClick={collapse}>
              Group alike files
            </button>
          )}
        </div>
      </div>
      <div
        ref={boxRef}
        className="graph-canvas"
        data-testid="graph-box"
        data-columns={Number.isFinite(columns) ? columns : undefined}
      >
        <svg
          ref={svgRef}
          role="group"
          aria-labelledby="graph-title"
          aria-describedby="graph-hint"
          data-testid="graph"
          style={box.w > 0 ? { width: canvas.width, height: canvas.height } : undefined}
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
      </div>
    </section>
  );
}
