/** The explorer: exact counts per class and variant, a witness loaded into the graph, cancel. */
import { expect, test } from './fixtures';

test('seed: the table by class and variant; the silent orphan of A loads into the graph', async ({
  luo,
  views,
  page,
}) => {
  await luo.open('seed', 'D');
  await views.show('explore');
  await expect(views.root).toContainText('A run is one way a VMM');
  await views.expectStatus('idle');
  await views.run();
  await expect(views.count('A', 'orphanSilent')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  await expect(views.count('B', 'orphanSilent')).toHaveAttribute('data-count', '0');
  await expect(views.count('D', 'orphanDetected')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  await expect(views.count('A', 'runs')).toHaveAttribute('title', /^\d+ runs$/);
  // No run of B has the class: no witness to load.
  await expect(views.witness('B', 'orphanSilent')).toHaveCount(0);

  await views.witness('A', 'orphanSilent').click();
  await expect(page.getByTestId('tab-graph')).toHaveAttribute('aria-selected', 'true');
  await expect(luo.variant).toHaveValue('A');
  await luo.expectState('gmem', 'finished', true);
  await luo.expectOrphans(1);
  await expect(luo.log).toHaveCount(7);
  await expect(luo.log.last()).toHaveAttribute('data-op', 'finish');
  await expect(luo.log.last()).toHaveAttribute('data-result', 'ok');
  await expect(luo.announcer).toContainText('shortest orphanSilent run under variant A');
});

test('a long exploration shows progress, Cancel stops its worker, the page keeps working', async ({
  luo,
  views,
  page,
}) => {
  await page.goto('./?scenario=vms-128&variant=A&view=explore');
  await expect(page.getByTestId('explore-slow')).toBeVisible();
  const started = page.waitForEvent('worker');
  await views.runButton.click();
  const worker = await started;
  await views.expectStatus('running');
  await expect(views.progress).toHaveAttribute('data-states', /^[1-9]\d*$/);
  await expect(views.progress).toContainText('Variant A (1 of 4)');
  await expect(views.progress).toContainText('per second');

  // While the worker explores, the page still takes actions.
  await views.show('graph');
  await luo.preserveFirst('ram1');
  await views.show('explore');
  await views.expectStatus('running');

  const closed = worker.waitForEvent('close');
  await views.cancelButton.click();
  await closed;
  await views.expectStatus('cancelled');
  await expect(views.status).toContainText('Cancelled');
  await expect(views.progress).toContainText('Stopped at');
  await expect(views.cancelButton).toBeDisabled();
  await expect(views.runButton).toBeEnabled();
  await views.show('graph');
  await luo.click('ram2', [['preserve', 'ok']]);
});

test('vm-64: exact counts past 16 files, a stacked bar per variant with shares and counts', async ({
  views,
  page,
}) => {
  await page.goto('./?scenario=vm-64&variant=A&view=explore');
  await views.runButton.click();
  // Four variants of 66 files: give a loaded machine time (no assertion on how long).
  await expect(views.root).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const chart = page.getByTestId('explore-chart');
  await expect(chart).toBeVisible();
  for (const v of ['A', 'B', 'C', 'D'])
    await expect(page.getByTestId(`explore-bar-${v}`)).toBeVisible();
  // Variant C: a kexec that fails is a tiny share of the runs, still shown with its digits.
  const rare = page.getByTestId('explore-share-C-1');
  await expect(rare).toContainText('rebootFailed');
  await expect(rare).toContainText(/\de-\d+ %/);
  await expect(views.count('A', 'runs')).toHaveAttribute('data-count', /^\d{185}$/);
});

test('the run shape: two sessions count more runs than one', async ({ views, page }) => {
  await page.goto('./?scenario=seed&variant=A&view=explore');
  await page.getByTestId('explore-variant-B').uncheck();
  await page.getByTestId('explore-variant-C').uncheck();
  await page.getByTestId('explore-variant-D').uncheck();
  await views.run();
  await expect(views.count('A', 'runs')).toHaveAttribute('data-count', '22');
  await page.getByTestId('explore-sessions').selectOption('2');
  await views.run();
  const two = await views.count('A', 'runs').getAttribute('data-count');
  expect(BigInt(two!)).toBeGreaterThan(22n);
});
