/** Scenario graph -> positions: a small layered layout, plain math, no DOM. */
export { layoutScenario, columnsIn, widthOf, NODE_WIDTH, NODE_HEIGHT } from './layout';
export type { GraphLayout, NodePosition, EdgeLayout } from './layout';
