/**
 * Runs a benchmark the way the command line ships: bundled for Node 20 into one module
 * (tools/nodeBundle.ts, as `pkg/luoscope.js` is), then run by plain `node`. Under tsx, which
 * runs the sources module by module for development, the explorer's cold first pass on
 * `vm-64` takes about 5 % longer.
 *
 *   tsx bench/bundled.ts bench/explore.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../tools/nodeBundle';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: tsx bench/bundled.ts BENCH.ts');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'luoscope-bench-'));
const outfile = join(dir, basename(entry).replace(/\.ts$/, '.mjs'));
try {
  await build({ ...NODE_BUNDLE, entryPoints: [entry], outfile });
  console.log(`${entry}, bundled for Node 20 as the command line is (tools/nodeBundle.ts):`);
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
