/**
 * Writes vectors/selftests/: the kernel's LUO selftests as trace documents (docs/selftests.md
 * says which TEST each file is). Run: node scripts/selftest-vectors.mjs [--out DIR]
 * (DIR defaults to the repository root; the files go to DIR/vectors/selftests/...).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveupdate } from './selftests/mainline.mjs';
import { kexecTests } from './selftests/mainline-kexec.mjs';
import { soleen } from './selftests/later.mjs';
import { vfio } from './selftests/vfio.mjs';
import { write } from './selftests/trace.mjs';

const out = process.argv.indexOf('--out');
const ROOT =
  out > 0 ? resolve(process.argv[out + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
for (const { path, doc } of [...liveupdate, ...kexecTests, ...soleen, ...vfio]) {
  console.log(write(ROOT, path, doc));
}
