/** Scenario graph -> positions (d3 math only, no DOM). */
export { layoutScenario, NODE_WIDTH, NODE_HEIGHT } from './layout';
export type { GraphLayout, NodePosition, EdgeLayout } from './layout';
