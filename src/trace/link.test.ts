import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedScenarioTraceArb, traceJsonArb } from './arbitraries';
import { HTML_TRACE, validDoc } from './badInputs';
import { vmFullWalkthrough } from './fixtures';
import type { TraceDoc } from './index';
import {
  LINK_PREFIX,
  MAX_TRACE_BYTES,
  decodeLink,
  encodeLink,
  linkPayload,
  replayTrace,
  shareUrl,
  traceFromHash,
  traceJson,
  validateTrace,
} from './index';
import { toBase64Url } from './link';

function valid(json: unknown): TraceDoc {
  const parsed = validateTrace(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

describe('share links: any valid trace -> link -> the same trace', () => {
  const roundTrip = (json: Record<string, unknown>) => {
    const doc = valid(json);
    const payload = encodeLink(doc);
    expect(payload.startsWith(LINK_PREFIX)).toBe(true);
    expect(payload).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(decodeLink(payload)).toEqual({ ok: true, doc });
    expect(encodeLink(doc)).toBe(payload);
    expect(traceFromHash(new URL(shareUrl('https://x.test/luoscope/', doc)).hash)).toEqual({
      ok: true,
      doc,
    });
  };

  it('(random scenarios of every file type, random steps, nasty text)', () => {
    fc.assert(fc.property(traceJsonArb(), roundTrip), { numRuns: 300 });
  });

  it('(the fixed scenario of every type, long step lists, every switch)', () => {
    fc.assert(fc.property(fixedScenarioTraceArb(60), roundTrip), { numRuns: 100 });
  });

  it('HTML and script in a title, a session name and a handle come back as the same text', () => {
    const doc = valid(HTML_TRACE);
    const back = decodeLink(encodeLink(doc));
    expect(back).toEqual({ ok: true, doc });
    if (back.ok) expect(back.doc.title).toBe('<script>alert(1)</script>');
  });

  it('a document of exactly 1 MiB decodes; one byte more is refused', () => {
    const bytes = (d: TraceDoc) => new TextEncoder().encode(JSON.stringify(traceJson(d))).length;
    const base = bytes(valid({ ...HTML_TRACE, title: '' }));
    const exact = valid({ ...HTML_TRACE, title: 'x'.repeat(MAX_TRACE_BYTES - base) });
    expect(bytes(exact)).toBe(MAX_TRACE_BYTES);
    expect(decodeLink(encodeLink(exact))).toEqual({ ok: true, doc: exact });
    const over = { ...exact, title: `${exact.title!}x` };
    expect(decodeLink(encodeLink(over))).toEqual({
      ok: false,
      error: `link is too large: the trace inside is over ${MAX_TRACE_BYTES} bytes (16 MiB, MAX_TRACE_BYTES) decompressed`,
    });
  });
});

describe('the 30-step vm-full trace', () => {
  it('fits a link well under the ~2,000 characters where mail clients start breaking links', () => {
    const doc = vmFullWalkthrough();
    expect(doc.steps).toHaveLength(30);
    expect(replayTrace(doc).outcome.mismatches).toEqual([]);
    const payload = encodeLink(doc);
    const url = shareUrl('https://luoscope.example.org/', doc);
    const withExpect = encodeLink({
      ...doc,
      steps: doc.steps.map((s, i) => ({ ...s, expect: replayTrace(doc).steps[i]!.result as 'ok' })),
    });
    console.log(
      `vm-full, 30 steps: link payload ${payload.length} characters ` +
        `(${url.length} with https://luoscope.example.org/#trace=; ` +
        `${withExpect.length} with an expect on every step; ` +
        `canonical JSON ${JSON.stringify(traceJson(doc)).length} characters)`,
    );
    expect(url.length).toBeLessThan(2000);
  });
});

describe('URL fragments', () => {
  const doc = validDoc();
  const payload = encodeLink(doc);

  it('shareUrl puts the payload in the fragment, replacing any fragment the base had', () => {
    expect(shareUrl('https://x.test/a/?scenario=seed', doc)).toBe(
      `https://x.test/a/?scenario=seed#trace=${payload}`,
    );
    expect(shareUrl('https://x.test/#trace=old&x=1', doc)).toBe(`https://x.test/#trace=${payload}`);
  });

  it('linkPayload finds trace= among other parameters and undoes percent-escapes', () => {
    expect(linkPayload(`#trace=${payload}`)).toBe(payload);
    expect(linkPayload(`#a=1&trace=${payload}&b=2`)).toBe(payload);
    expect(linkPayload('trace=1%2Eabc')).toBe('1.abc');
    expect(linkPayload('#trace=%E0%A4%A')).toBe('%E0%A4%A');
    expect(linkPayload('')).toBeNull();
    expect(linkPayload('#scenario=seed')).toBeNull();
    expect(traceFromHash('#x=1')).toBeNull();
  });

  it('line breaks and spaces a mail client put into a link are ignored', () => {
    const broken = `${payload.slice(0, 20)}\n  ${payload.slice(20, 40)} \r\n${payload.slice(40)}`;
    expect(decodeLink(broken)).toEqual({ ok: true, doc });
  });
});

/** A raw DEFLATE stream of fixed-Huffman <length 258, distance 1> copies: 13 bits per 258 bytes. */
function fixedHuffmanBomb(copies: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8));
  let bit = 0;
  const lsbFirst = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  lsbFirst(1, 1); // BFINAL
  lsbFirst(1, 2); // BTYPE 01: fixed Huffman
  code(0x30, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    code(0xc5, 8); // length code 285: 258 bytes
    code(0, 5); // distance code 0: distance 1
  }
  code(0, 7); // end of block
  return out;
}

describe('a decompression bomb', () => {
  it('a 1 MiB link that inflates to 123 MiB is refused after ~1 MiB of output', () => {
    const payload = `${LINK_PREFIX}${toBase64Url(fixedHuffmanBomb(500_000))}`;
    expect(payload.length).toBeLessThan(1_100_000);
    const before = process.memoryUsage().rss;
    expect(decodeLink(payload)).toEqual({
      ok: false,
      error: `link is too large: the trace inside is over ${MAX_TRACE_BYTES} bytes (16 MiB, MAX_TRACE_BYTES) decompressed`,
    });
    // Inflating all of it would need 129 MB for the output alone (230 MB measured).
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});
