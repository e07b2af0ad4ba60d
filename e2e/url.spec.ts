/** Opening scenarios by address, the notice for unknown ones, and every preset drawn. */
import { expect, test } from './fixtures';

test('no parameters: seed under variant A', async ({ luo, page }) => {
  await page.goto('./');
  await expect(luo.variant).toHaveValue('A');
  await luo.expectState('vm', 'live');
  await luo.expectState('gmem', 'live');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('an unknown scenario and variant open the default with a notice', async ({ luo, page }) => {
  await page.goto('./?scenario=nope&variant=Z');
  await expect(page.getByTestId('notice')).toContainText('Unknown scenario "nope"');
  await expect(page.getByTestId('notice')).toContainText('Unknown variant "Z"');
  await luo.expectState('gmem', 'live');
  await expect(luo.variant).toHaveValue('A');
});

test('every preset draws its files, opened by address', async ({ luo, page }) => {
  const presets = {
    seed: 2,
    'vm-full': 7,
    'vfio-chain': 4,
    cycle: 2,
    'freeze-failure': 3,
    // Interchangeable files with edges draw as one group node: 64 vCPUs, 48 + 48, 19 devices.
    'vm-64': 2,
    'vms-128': 13,
  };
  for (const [i, [id, n]] of Object.entries(presets).entries()) {
    const v = 'ABCD'[i % 4]!;
    await luo.open(id, v);
    await expect(page.locator('[data-testid^="node-"][data-state="live"]')).toHaveCount(n);
    await expect(page.getByTestId('scenario')).toHaveValue(id);
    await expect(luo.variant).toHaveValue(v);
  }
});

test('the scenario picker starts a new history and updates the address', async ({ luo, page }) => {
  await luo.open('seed', 'C');
  await luo.preserveFirst('gmem');
  await page.getByTestId('scenario').selectOption('cycle');
  await expect(luo.log).toHaveCount(0);
  await luo.expectState('a', 'live');
  await expect(page).toHaveURL(/scenario=cycle&variant=C|variant=C&scenario=cycle/);
});

test('cycle: under A neither file preserves first; under C both do', async ({ luo }) => {
  await luo.open('cycle', 'A');
  await luo.click('a', [
    ['createSession', 'ok'],
    ['preserve', 'ENOENT'],
  ]);
  await luo.click('b', [['preserve', 'ENOENT']]);
  // The same actions replayed: a preserves now; b's step reused token 1, so it is EEXIST.
  await luo.pickVariant('C');
  await luo.expectState('a', 'preserved');
  await expect(luo.log.last()).toHaveAttribute('data-result', 'EEXIST');
  await luo.click('b', [['preserve', 'ok']]);
  await luo.expectState('b', 'preserved');
  await luo.kexec();
  await luo.expectState('a', 'incoming');
});

test('bench-128 opens 128 memfds', async ({ luo, page }) => {
  await luo.open('bench-128', 'A');
  await expect(page.locator('[data-testid^="node-m"]')).toHaveCount(128);
  await luo.preserveFirst('m127');
});
