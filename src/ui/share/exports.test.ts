import { afterEach, describe, expect, it, vi } from 'vitest';
import { validDoc } from '../../trace/badInputs';
import { encodeLink, shareUrl } from '../../trace/link';
import { mailBase, mailText } from './exports';

afterEach(() => vi.unstubAllEnvs());

describe("the mail text's link", () => {
  it("is the page's own address, unless that is a loopback one", () => {
    expect(mailBase('https://luo.example.org/app/?scenario=seed')).toBe(
      'https://luo.example.org/app/?scenario=seed',
    );
    for (const page of ['http://127.0.0.1:5173/', 'http://localhost:4173/', 'file:///tmp/x']) {
      expect(mailBase(page), page).toBeNull();
    }
  });

  it('is the build-time public address when the build set one', () => {
    vi.stubEnv('LUOSCOPE_PUBLIC_URL', 'https://luoscope.example.org/');
    expect(mailBase('http://127.0.0.1:5173/')).toBe('https://luoscope.example.org/');
    expect(mailBase('https://mirror.example.net/')).toBe('https://luoscope.example.org/');
  });

  it('ends with the link, or with the payload and where to paste it', () => {
    const doc = validDoc();
    const linked = mailText(doc, 'https://luo.example.org/').trimEnd().split('\n');
    expect(linked.slice(-2)).toEqual([
      'Replay it in luoscope:',
      shareUrl('https://luo.example.org/', doc),
    ]);
    const bare = mailText(doc, 'http://127.0.0.1:4173/').trimEnd().split('\n');
    expect(bare.slice(-2)).toEqual([
      `Paste the next line into luoscope's "Open a link or payload" box:`,
      encodeLink(doc),
    ]);
    expect(bare.join('\n')).not.toMatch(/127\.0\.0\.1/);
  });
});
