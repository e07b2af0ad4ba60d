import { describe, expect, it } from 'vitest';
import { BAD_INPUTS, HTML_TRACE, linkOfText } from './badInputs';
import { decodeLink, exportText, parseTrace, replayTrace, shareUrl, validateTrace } from './index';

describe('the corpus of bad inputs', () => {
  it('holds at least 30 inputs, links and documents, with unique names', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_INPUTS.map((b) => b.name)).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.filter((b) => b.kind === 'link').length).toBeGreaterThanOrEqual(15);
    expect(BAD_INPUTS.filter((b) => b.kind === 'document').length).toBeGreaterThanOrEqual(15);
  });

  it.each(BAD_INPUTS.map((b) => [b.name, b] as const))('%s: refused with its message', (_, b) => {
    const result = b.kind === 'link' ? decodeLink(b.input) : parseTrace(b.input);
    expect(result).toEqual({ ok: false, error: b.error });
    expect(b.error).not.toMatch(/[\r\n]/);
  });

  it.each(BAD_INPUTS.filter((b) => b.kind === 'document').map((b) => [b.name, b] as const))(
    '%s: the same document in a link is refused with "trace in link: " and its message',
    (_, b) => {
      const result = decodeLink(linkOfText(b.input));
      const error = b.name.startsWith('oversized')
        ? 'link is too large: the trace inside is over 16777216 bytes (16 MiB, MAX_TRACE_BYTES) decompressed'
        : `trace in link: ${b.error}`;
      expect(result).toEqual({ ok: false, error });
    },
  );
});

describe('HTML and script in free text are valid and stay text', () => {
  it('a <script> title, an <img onerror> session name and a <b> handle round-trip', () => {
    const parsed = validateTrace(HTML_TRACE);
    if (!parsed.ok) throw new Error(parsed.error);
    const { doc } = parsed;
    expect(doc.title).toBe('<script>alert(1)</script>');
    expect(doc.steps[0]).toMatchObject({ name: '<img src=x onerror=alert(1)>', as: '<b>S</b>' });
    expect(parseTrace(JSON.stringify(HTML_TRACE))).toEqual(parsed);
    const result = replayTrace(doc);
    expect(result.outcome.mismatches).toEqual([]);
    const text = exportText(doc, result, shareUrl('https://x.test/', doc));
    expect(text).toContain('Trace: <script>alert(1)</script>');
    expect(text).toContain('CREATE_SESSION("<img src=x onerror=alert(1)>") -> "<b>S</b>" = 0');
  });

  it('the same strings as a file id are refused', () => {
    expect(
      validateTrace({ ...HTML_TRACE, files: [{ id: '<script>alert(1)</script>', type: 'memfd' }] }),
    ).toEqual({
      ok: false,
      error:
        'files[0].id: "<script>alert(1)</script>" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
    });
  });
});
