/**
 * The Content-Security-Policy of the built site: present as a meta tag and a header, it blocks
 * an inline script (and reports it), and the app runs under it: every other spec runs with the
 * policy on, and the guard in fixtures.ts fails any test that sees a violation.
 */
import { expect, test } from './fixtures';

test('the policy is in the page and the header; an inline script is blocked and reported', async ({
  page,
  luo,
  csp,
}) => {
  const response = await page.goto('./?scenario=seed&variant=A');
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self'");
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(meta).toBe(header);
  expect(meta).toContain("default-src 'none'");
  expect(meta).toContain("worker-src 'self'");
  await luo.expectState('vm', 'live');

  const ran = await page.evaluate(() => {
    const w = window as unknown as { inlineRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    return w.inlineRan === true;
  });
  expect(ran).toBe(false);
  // Reported once per policy that blocks it (the meta tag and the header carry the same one).
  await expect.poll(() => csp.length).toBeGreaterThan(0);
  expect(new Set(csp.splice(0))).toEqual(new Set(['script-src-elem inline']));
});

test('the schema is served beside the page as schema/trace-1.json', async ({ page, request }) => {
  await page.goto('./');
  const response = await request.get('./schema/trace-1.json');
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.title).toBe('luoscope/trace@1');
  expect(schema.properties.format.const).toBe('luoscope/trace@1');
});
