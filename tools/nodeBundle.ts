/**
 * How luoscope's code is bundled for Node: one ES module for Node 20 with every dependency in
 * it. The installable command line is built this way (buildCli.ts), and so are the benchmarks
 * that measure Node (bench/bundled.ts), so that they time the code users run.
 */
import type { BuildOptions } from 'esbuild';

export const NODE_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
};
