/**
 * Builds the installable command line into pkg/: one plain-JavaScript file for Node 20
 * (`pkg/luoscope.js`, every dependency bundled in, so the package has none at run time) and
 * the JSON Schema of the trace format (`pkg/schema/trace-1.json`). `npm pack` runs it first.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './nodeBundle';
import { SCHEMA_PATH, traceJsonSchemaText } from '../src/trace/jsonSchema';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'pkg');

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: [join(ROOT, 'src/cli/main.ts')],
  outfile: join(OUT, 'luoscope.js'),
  ...NODE_BUNDLE,
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(join(OUT, 'luoscope.js'), 0o755);
mkdirSync(join(OUT, dirname(SCHEMA_PATH)), { recursive: true });
writeFileSync(join(OUT, SCHEMA_PATH), traceJsonSchemaText());
console.log(`built ${join('pkg', 'luoscope.js')} and ${join('pkg', SCHEMA_PATH)}`);
