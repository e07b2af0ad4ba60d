import { describe, expect, it } from 'vitest';
import { fileName, pageUrl, readTraceFile } from './files';
import { MAX_TRACE_BYTES } from '../../trace';

describe('pageUrl', () => {
  it('is the address without query and fragment', () => {
    expect(pageUrl('https://h.example/luo/index.html?scenario=seed#trace=1.x')).toBe(
      'https://h.example/luo/index.html',
    );
    expect(pageUrl('file:///tmp/dist/index.html#a')).toBe('file:///tmp/dist/index.html');
  });
});

describe('fileName', () => {
  it('names the scenario, variant and step', () => {
    expect(fileName('vm-full', 'D', 12, 'c')).toBe('luoscope-vm-full-D-step12.c');
  });
});

describe('readTraceFile', () => {
  it('refuses an oversized file before reading it', async () => {
    const file = { size: MAX_TRACE_BYTES + 1, text: () => Promise.reject(new Error('read')) };
    const result = await readTraceFile(file as unknown as File);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^\(root\): document is \d+ bytes/),
    });
  });

  it('names the JSON path of a problem, and a read error', async () => {
    const bad = new File(
      ['{"format":"luoscope/trace@1","variant":"E","files":[],"steps":[]}'],
      'x.json',
    );
    expect(await readTraceFile(bad)).toEqual({
      ok: false,
      error: 'variant: must be one of "A", "B", "C", "D"',
    });
    const broken = { size: 3, text: () => Promise.reject(new Error('gone')) };
    expect(await readTraceFile(broken as unknown as File)).toEqual({
      ok: false,
      error: '(root): the file could not be read (gone)',
    });
  });
});
