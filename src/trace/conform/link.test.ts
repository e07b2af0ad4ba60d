import { describe, expect, it } from 'vitest';
import { vmFullWalkthrough } from '../fixtures';
import { decodeLink, encodeLink, replayTrace } from '../index';
import { linkOfText } from '../badInputs';
import { readRun } from './read';
import { RUN_FORMAT } from './runJson';
import { stageOutputs } from './testing';

const doc = vmFullWalkthrough();
const result = replayTrace(doc);
const kernel = result.steps.map((r) => r.result as string);
kernel[19] = 'EAGAIN';
const read = readRun(doc, result, [
  { name: 'run.txt', text: stageOutputs(doc, result, kernel).join('') },
]);
if (!read.ok) throw new Error(read.error);
const run = read.run;
const trace = encodeLink(doc);

describe('a share link that carries a kernel run', () => {
  it('round-trips; without a run the link is what it always was', () => {
    const link = encodeLink(doc, run);
    expect(link.startsWith(`${trace}.`)).toBe(true);
    expect(decodeLink(link)).toEqual({ ok: true, doc, run: { ...run, notes: [] } });
    expect(decodeLink(trace)).toEqual({ ok: true, doc });
    expect('run' in decodeLink(trace)).toBe(false);
  });

  it.each<[string, string, string]>([
    [
      'not base64url',
      `${trace}.a+b`,
      'kernel run in link: link is not base64url: "+" at character',
    ],
    ['not JSON', `${trace}.${linkOfText('{').slice(2)}`, 'kernel run in link: not JSON text'],
    [
      'another format',
      `${trace}.${linkOfText(JSON.stringify({ format: 'x' })).slice(2)}`,
      `kernel run in link: format: must be "${RUN_FORMAT}"`,
    ],
    [
      "another trace's run",
      `${trace}.${linkOfText(JSON.stringify({ format: RUN_FORMAT, ...run, notes: undefined, hash: '0'.repeat(64) })).slice(2)}`,
      "kernel run in link: hash: the run is of another trace than the link's",
    ],
    [
      'a result too few',
      `${trace}.${linkOfText(JSON.stringify({ format: RUN_FORMAT, ...run, results: run.results.slice(1) })).slice(2)}`,
      'kernel run in link: results: must hold one entry per step (30)',
    ],
    [
      'a garbled step',
      `${trace}.${linkOfText(JSON.stringify({ format: RUN_FORMAT, ...run, results: [{ kind: 'x' }, ...run.results.slice(1)] })).slice(2)}`,
      'kernel run in link: results[0]: not a step result',
    ],
  ])('a malformed run is refused: %s', (_, link, error) => {
    const r = decodeLink(link);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.startsWith(error) ? error : r).toBe(error);
  });
});
