import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LUOSCOPE_VERSION,
  PASTE_LINE,
  decodeLink,
  encodeLink,
  exportC,
  exportText,
  parseTrace,
  replayTrace,
  traceFromHash,
} from '../trace';
import { parseArgs } from './args';
import { runCli, runCliWith } from './testing';

const ROOT = join(__dirname, '..', '..');
const VECTOR = join(ROOT, 'vectors', 'tv-06-a-orphan.json');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luoscope-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a document (text, or a value as JSON) to the temp dir. */
function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const runWith = runCliWith;
const run = runCli;

const valid = {
  format: 'luoscope/trace@1',
  variant: 'A',
  files: [{ id: 'm1', type: 'memfd' }],
  steps: [
    { op: 'createSession', name: 's', as: 'S' },
    { op: 'preserve', session: 'S', file: 'm1', token: 1, expect: 'ok' },
  ],
};

describe('luoscope replay', () => {
  it('exit 0: prints each step, its callbacks indented beneath, then the outcome', async () => {
    const r = await run('replay', VECTOR);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`luoscope replay ${VECTOR}`);
    expect(lines).toContain('[2] preserve(session=S, file=g, token=2) = ok  (as expected)');
    const finish = lines.indexOf('[6] finish(session=S1) = ok  (as expected)');
    expect(lines.slice(finish + 2, finish + 4)).toEqual([
      '      finish(g, status 1) in session "s" -> ok',
      '      finish(vm, status 1) in session "s" -> ok',
    ]);
    expect(lines).toContain('  orphans: g without vm (not detected)');
    expect(lines).toContain('  mismatches: none');
  });

  it('--json prints exactly the replay result and nothing else', async () => {
    const r = await run('replay', VECTOR, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const parsed = parseTrace(readFileSync(VECTOR, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(r.stdout).toBe(JSON.stringify(replayTrace(parsed.doc), null, 2));
    const json = JSON.parse(r.stdout);
    expect(json.format).toBe('luoscope/replay@1');
    expect(json.steps).toHaveLength(8);
    expect(json.outcome.orphans).toEqual([{ file: 'g', dependsOn: 'vm', detected: false }]);
    expect((await run('replay', '--format', 'json', VECTOR)).stdout).toBe(r.stdout);
    expect((await run('replay', '--format=json', VECTOR)).stdout).toBe(r.stdout);
  });

  it('--format c prints the C reproducer, --format mail the mail export with a payload or link', async () => {
    const parsed = parseTrace(readFileSync(VECTOR, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const { doc } = parsed;
    const result = replayTrace(doc);
    expect(await run('replay', VECTOR, '--format', 'c')).toEqual({
      status: 0,
      stdout: exportC(doc, result),
      stderr: '',
    });
    const mail = await run('replay', VECTOR, '--format=mail');
    expect(mail).toEqual({
      status: 0,
      stdout: exportText(doc, result, encodeLink(doc)),
      stderr: '',
    });
    // No public address known: the payload, after the line that says where to paste it.
    const tail = mail.stdout.trimEnd().split('\n').slice(-2);
    expect(tail).toEqual([PASTE_LINE, encodeLink(doc)]);
    expect(decodeLink(tail[1]!)).toEqual({ ok: true, doc });
    const base = 'https://luoscope.example.org/app/';
    const other = await run('replay', VECTOR, '--format', 'mail', '--base-url', base);
    const link = other.stdout.trimEnd().split('\n').at(-1)!;
    expect(link.startsWith(`${base}#trace=1.`)).toBe(true);
    expect(traceFromHash(new URL(link).hash)).toEqual({ ok: true, doc });
    const fromEnv = await runWith({ LUOSCOPE_BASE_URL: base }, ['replay', VECTOR, '--format=text']);
    expect(fromEnv).toEqual(other);
    const flagWins = await runWith({ LUOSCOPE_BASE_URL: 'https://other.example/' }, [
      ...['replay', VECTOR, '--format=text', '--base-url', base],
    ]);
    expect(flagWins).toEqual(other);
  });

  it('never writes a loopback address: --base-url or LUOSCOPE_BASE_URL naming one is refused', async () => {
    for (const url of ['http://127.0.0.1:5173/', 'http://localhost/', 'http://[::1]:8080/']) {
      expect(await run('replay', VECTOR, '--format', 'text', '--base-url', url)).toEqual({
        status: 2,
        stdout: '',
        stderr: `luoscope: --base-url: "${url}" is this machine's own address; a reader cannot open it\n`,
      });
      const env = await runWith({ LUOSCOPE_BASE_URL: url }, ['replay', VECTOR, '--format=text']);
      expect(env.stderr).toContain(`luoscope: LUOSCOPE_BASE_URL: "${url}" is this machine's own`);
      expect(env.status).toBe(2);
    }
    const ftp = await run('replay', VECTOR, '--format=text', '--base-url', 'ftp://x.test/');
    expect(ftp.stderr).toBe(
      'luoscope: --base-url: "ftp://x.test/" is not an http or https address\n',
    );
    // Other formats have no link: a bad LUOSCOPE_BASE_URL does not concern them.
    const json = await runWith({ LUOSCOPE_BASE_URL: 'http://localhost/' }, [
      'replay',
      VECTOR,
      '--json',
    ]);
    expect(json.status).toBe(0);
  });

  it('--version prints the version; COMMAND --help and help COMMAND print its own usage', async () => {
    expect(await run('--version')).toEqual({
      status: 0,
      stdout: `luoscope ${LUOSCOPE_VERSION}\n`,
      stderr: '',
    });
    expect((await run('-V')).stdout).toBe(`luoscope ${LUOSCOPE_VERSION}\n`);
    const replayHelp = await run('replay', '--help');
    expect(replayHelp.status).toBe(0);
    expect(replayHelp.stdout).toMatch(/^usage: luoscope replay FILE/);
    expect(replayHelp.stdout).toContain('--base-url URL');
    expect(replayHelp.stdout).not.toContain('--variants');
    expect(await run('help', 'replay')).toEqual(replayHelp);
    const exploreHelp = await run('explore', '-h');
    expect(exploreHelp.stdout).toMatch(/^usage: luoscope explore FILE/);
    expect(exploreHelp.stdout).toContain('--variants');
    for (const text of [replayHelp.stdout, exploreHelp.stdout, (await run('--help')).stdout]) {
      expect(text).toContain('  2   refused');
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it('--format text is the mail export: ASCII, at most 72 columns but the link line', async () => {
    const text = await run('replay', VECTOR, '--format', 'text');
    expect(text).toEqual(await run('replay', VECTOR, '--format', 'mail'));
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(text.stdout).not.toMatch(/127\.0\.0\.1|localhost/);
    for (const line of lines.slice(0, -1)) {
      expect(line.length, line).toBeLessThanOrEqual(72);
      expect(/^[\x20-\x7e]*$/.test(line), line).toBe(true);
    }
    expect((await run('replay', VECTOR)).stdout).toMatch(/^luoscope replay /);
  });

  it('--format c and mail exit 1 on a mismatch, like text and json', async () => {
    const path = write('mismatch-c.json', {
      ...valid,
      steps: [...valid.steps, { op: 'kexec', expect: 'EINVAL' }],
    });
    const c = await run('replay', path, '--format', 'c');
    expect(c.status).toBe(1);
    expect(c.stdout).toContain('\tkexec_into(3, 2);');
    const mail = await run('replay', path, '--format', 'mail');
    expect(mail.status).toBe(1);
    expect(mail.stdout).toContain(' 3. reboot(KEXEC) = 0 (MISMATCH: expected -EINVAL)\n');
  });

  it('exit 1: replayed, but an expect did not hold', async () => {
    const steps = [...valid.steps, { op: 'kexec', expect: 'EINVAL' }];
    const path = write('mismatch.json', { ...valid, steps });
    const text = await run('replay', path);
    expect(text.status).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('[2] kexec() = ok  MISMATCH: expected EINVAL');
    expect(text.stdout).toContain('  mismatches: step 2 expected EINVAL, got ok');
    const json = await run('replay', path, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).outcome.mismatches).toEqual([
      { step: 2, expected: 'EINVAL', actual: 'ok' },
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'not-json',
      '{"format": "luoscope/trace@1",',
      '(root): not JSON: Expected double-quoted property name in JSON at position 30 (line 1, column 31)',
    ],
    ['array', '[]', '(root): must be an object (a luoscope trace document), not an array'],
    [
      'wrong-format',
      { ...valid, format: 'luoscope/trace@0' },
      'format: must be "luoscope/trace@1" (got "luoscope/trace@0")',
    ],
    ['variant', { ...valid, variant: 'a' }, 'variant: must be one of "A", "B", "C", "D"'],
    [
      'token',
      { ...valid, steps: [valid.steps[0], { ...valid.steps[1], token: 'one' }] },
      'steps[1].token: must be an integer',
    ],
    [
      'handle',
      { ...valid, steps: [valid.steps[1]] },
      'steps[0].session: unknown session handle "S" (no earlier createSession or retrieveSession names it)',
    ],
    [
      'dep',
      { ...valid, files: [{ id: 'g', type: 'guest_memfd', deps: ['vmm'] }] },
      'files[0].deps[0]: unknown file "vmm"',
    ],
    [
      'file-id',
      { ...valid, files: [{ id: '1m', type: 'memfd' }] },
      'files[0].id: "1m" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
    ],
    [
      'prop',
      { ...valid, files: [{ id: 'm1', type: 'memfd', running: false }] },
      'files[0].running: memfd has no property "running" (it has sealed, hugetlb)',
    ],
    [
      'op',
      { ...valid, steps: [{ op: 'reboot' }] },
      'steps[0].op: must be one of "createSession", "preserve", "closeSession", "kexec", "retrieveSession", "retrieve", "finish", "set", "freezeSession", "getSessionName", "openDevice", "closeDevice"',
    ],
    [
      'expect',
      { ...valid, steps: [{ op: 'kexec', expect: '-EBUSY' }] },
      'steps[0].expect: must be written without the minus sign: "EBUSY"',
    ],
    [
      'switch',
      { ...valid, switches: { fileLimit: 'none' } },
      'switches.fileLimit: must be a non-negative integer or "unlimited"',
    ],
    ['unknown-field', { ...valid, author: 'me' }, 'author: unknown field'],
  ])('exit 2: %s document refused with one line on stderr', async (name, content, message) => {
    const path = write(`${name}.json`, content);
    for (const format of [[], ['--json'], ['--format', 'c'], ['--format=mail']]) {
      const r = await run('replay', path, ...format);
      expect(r).toEqual({ status: 2, stdout: '', stderr: `luoscope: ${path}: ${message}\n` });
    }
  });

  it('exit 2: a file that cannot be read, or is over 16 MiB', async () => {
    const missing = join(dir, 'nope.json');
    expect(await run('replay', missing)).toEqual({
      status: 2,
      stdout: '',
      stderr: `luoscope: ${missing}: cannot read: no such file\n`,
    });
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect((await run('replay', sub)).stderr).toBe(
      `luoscope: ${sub}: cannot read: is a directory\n`,
    );
    const big = write('big.json', ' '.repeat(16 * 1024 * 1024 + 1));
    expect(await run('replay', big, '--json')).toEqual({
      status: 2,
      stdout: '',
      stderr: `luoscope: ${big}: (root): document is 16777217 bytes; at most 16777216 (16 MiB, MAX_TRACE_BYTES) are accepted\n`,
    });
  });

  it.each<[string[], string]>([
    [[], 'no command given'],
    [['explain', 'x'], 'unknown command "explain"'],
    [['replay'], 'replay needs FILE'],
    [['replay', 'a', 'b'], 'replay takes one FILE, got 2'],
    [['replay', 'a', '--verbose'], 'unknown option "--verbose"'],
    [['replay', 'a', '--format', 'pdf'], 'unknown format "pdf": use report, text, json or c'],
    [['replay', 'a', '--format'], '--format needs a value: report, text, json or c'],
    [['explore', 'a', '--format', 'c'], '--format c is for replay; explore prints text or json'],
    [
      ['explore', 'a', '--format=report'],
      '--format report is for replay; explore prints text or json',
    ],
    [['replay', 'a', '--base-url', 'https://x.test/'], '--base-url is for replay --format text'],
    [['replay', 'a', '--format', 'mail', '--base-url'], '--base-url needs a URL'],
  ])('exit 2: usage error %j', async (argv, message) => {
    expect(await run(...argv)).toEqual({
      status: 2,
      stdout: '',
      stderr: `luoscope: ${message} (usage: luoscope replay|explore|conform FILE [--json])\n`,
    });
  });

  it('--help prints the usage on stdout, exit 0', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: luoscope replay FILE/);
    expect(parseArgs(['replay', '--', '--odd-name.json'])).toEqual({
      ok: true,
      command: {
        name: 'replay',
        file: '--odd-name.json',
        format: 'report',
        runs: [],
      },
    });
  });

  it('escapes control characters from the document in the text output', async () => {
    const path = write('ansi.json', { ...valid, title: 'red \u001b[31m\nnext' });
    const r = await run('replay', path);
    expect(r.stdout).toContain('title: red \\u001b[31m\\nnext\n');
  });
});

// Spawning tsx through npx takes seconds on a loaded machine.
describe('the luoscope bin, spawned', { timeout: 120_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('exit 0 with --json: the replay result on stdout only', () => {
    const r = cli('replay', VECTOR, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).outcome.orphans).toHaveLength(1);
  });

  it('FILE - reads the document from standard input', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'replay', '-', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: readFileSync(VECTOR, 'utf8'),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).outcome.orphans).toHaveLength(1);
  });

  it('exit 1 on a mismatch, exit 2 with one line on stderr on a refused document', () => {
    const mismatch = write('spawn-mismatch.json', {
      ...valid,
      steps: [...valid.steps, { op: 'kexec', expect: 'EBUSY' }],
    });
    expect(cli('replay', mismatch).status).toBe(1);
    const bad = write('spawn-bad.json', { ...valid, steps: [{ op: 'kexec', token: 1 }] });
    const r = cli('replay', bad, '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`luoscope: ${bad}: steps[0].token: unknown field\n`);
  });
});
