/**
 * Large documents for the benchmarks, in the two shapes of the kernel's stress selftests:
 * - `sessions`: N sessions created, kexec, each retrieved and finished (3N+1 steps, as
 *   luo_stress_sessions);
 * - `files`: up to 4,096 memfds preserved in one session, kexec, each retrieved, FINISH
 *   (as luo_stress_files), repeated over several live updates to reach the step count.
 */
export function sessionsDoc(steps: number): string {
  const n = Math.max(1, Math.floor((steps - 1) / 3));
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push({ op: 'createSession', name: `s${i}` });
  out.push({ op: 'kexec' });
  for (let i = 0; i < n; i++) {
    out.push({ op: 'retrieveSession', name: `s${i}`, as: `in${i}` });
    out.push({ op: 'finish', session: `in${i}` });
  }
  return JSON.stringify({
    format: 'luoscope/trace@1',
    kernel: 'v7.3',
    variant: 'A',
    files: [],
    steps: out,
  });
}

export function filesDoc(steps: number): string {
  const files = Array.from({ length: 4096 }, (_, i) => ({ id: `m${i}`, type: 'memfd' }));
  const out: unknown[] = [];
  let boot = 0;
  while (out.length < steps) {
    const per = Math.min(4096, Math.floor((steps - out.length - 4) / 2));
    if (per < 1) break;
    out.push({ op: 'createSession', name: `s${boot}` });
    // Each live update preserves files created in its own boot: a file of boot 0 is gone after
    // its session is finished and the kexec after it.
    for (let i = 0; i < per; i++)
      out.push({ op: 'preserve', session: `s${boot}`, file: `m${i}`, token: i + 1 });
    out.push({ op: 'kexec' });
    out.push({ op: 'retrieveSession', name: `s${boot}`, as: `in${boot}` });
    for (let i = 0; i < per; i++) out.push({ op: 'retrieve', session: `in${boot}`, token: i + 1 });
    out.push({ op: 'finish', session: `in${boot}` });
    boot++;
  }
  return JSON.stringify({
    format: 'luoscope/trace@1',
    kernel: 'v7.3',
    variant: 'A',
    files,
    steps: out,
  });
}
