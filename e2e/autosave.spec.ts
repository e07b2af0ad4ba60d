/** Autosave: a reload restores the work exactly; unreadable saved data gives a fresh start. */
import { expect, test } from './fixtures';

test('a reload keeps scenario, variant, switches, history and position', async ({
  luo,
  work,
  page,
}) => {
  await luo.open('vm-full', 'C');
  await luo.preserveFirst('ram');
  await luo.click('iommu', [['preserve', 'ok']]);
  await luo.click('nic', [['preserve', 'ok']]);
  await page.getByText('Advanced switches').click();
  await page.getByTestId('switch-strictErrno').selectOption('ENOENT');
  await work.undoButton.click();
  await work.expectAt(3, 4);
  await luo.expectState('nic', 'live');

  // Right after the action: the save on pagehide has it, not a timer.
  await page.reload();
  await work.expectAt(3, 4);
  await expect(page.getByTestId('scenario')).toHaveValue('vm-full');
  await expect(luo.variant).toHaveValue('C');
  await expect(page.getByTestId('switch-strictErrno')).toHaveValue('ENOENT');
  await expect(luo.log).toHaveCount(3);
  await luo.expectState('iommu', 'preserved');
  await luo.expectState('nic', 'live');
  await expect(work.notice).toHaveCount(0);
  await work.redoButton.click();
  await luo.expectState('nic', 'preserved');
});

test('corrupt, foreign or old saved data: a notice and a fresh start', async ({
  luo,
  work,
  page,
}) => {
  await luo.open('seed', 'B');
  await luo.preserveFirst('vm');
  // Saved (debounced): a later save on pagehide would otherwise overwrite the bad data below.
  await expect.poll(() => work.saved()).toContain('"preserve"');
  const cases = [
    ['{"format":"luoscope/autosave@1","scen', 'it is not JSON'],
    ['{"theme":"dark"}', 'it is not work saved by luoscope'],
    [
      '{"format":"luoscope/autosave@0","steps":[]}',
      'it was saved by another version of luoscope ("luoscope/autosave@0"',
    ],
    [
      '{"format":"luoscope/autosave@1","scenario":"seed","position":0,"trace":{"format":"luoscope/trace@1","variant":"A","files":[],"steps":[{"op":"kexec"}],"x":1}}',
      'trace.x: unknown field',
    ],
  ] as const;
  for (const [text, message] of cases) {
    await work.setSaved(text);
    await page.goto('./');
    await expect(work.notice).toContainText(`The saved work could not be restored (${message}`);
    await expect(work.notice).toContainText('started afresh');
    await work.expectAt(0, 0);
    await luo.expectState('vm', 'live');
  }
});
