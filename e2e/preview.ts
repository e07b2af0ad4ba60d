/** Starts `vite preview` on PREVIEW_PORT for the scripts (the benchmark, the docs screenshots). */
import { spawn } from 'node:child_process';
import { PREVIEW_PORT, PREVIEW_URL } from './browser';

async function reachable(): Promise<boolean> {
  try {
    return (await fetch(PREVIEW_URL)).ok;
  } catch {
    return false;
  }
}

/** Serves the build (or uses the server already there); returns how to stop it. */
export async function startPreview(): Promise<() => void> {
  if (await reachable()) {
    console.log(`note: ${PREVIEW_URL} already answers; using the server running there`);
    return () => {};
  }
  const child = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PREVIEW_PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(await reachable()); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await reachable())) throw new Error(`vite preview did not start on port ${PREVIEW_PORT}`);
  return () => child.kill('SIGTERM');
}
