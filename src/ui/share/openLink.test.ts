import { describe, expect, it } from 'vitest';
import { validDoc } from '../../trace/badInputs';
import { encodeLink, shareUrl } from '../../trace/link';
import { openPasted, pastedPayload } from './openLink';

describe('Open a link or payload', () => {
  const doc = validDoc();
  const payload = encodeLink(doc);

  it('reads a whole link, a fragment, trace= and a bare payload alike', () => {
    for (const text of [
      shareUrl('https://luoscope.example.org/app/?scenario=seed', doc),
      `#trace=${payload}`,
      `trace=${payload}`,
      `  ${payload}\n`,
      `${payload.slice(0, 30)}\n${payload.slice(30)}`,
    ]) {
      expect(openPasted(text), text).toEqual({ ok: true, doc });
    }
    expect(pastedPayload(`https://x.test/#view=graph&trace=${payload}`)).toBe(payload);
  });

  it('refuses with the reason: nothing, a link without a trace, a broken payload', () => {
    expect(openPasted(' ')).toEqual({ ok: false, error: 'nothing was pasted' });
    expect(openPasted('https://x.test/#view=graph')).toEqual({
      ok: false,
      error: 'the link has no trace in it (no #trace=)',
    });
    expect(openPasted('2.abc')).toEqual({
      ok: false,
      error: 'made by a newer luoscope: link version 2 (this luoscope reads version 1)',
    });
  });
});
