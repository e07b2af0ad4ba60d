/** The scenario editor: built from scratch, the orphan reproduced, shared and reopened. */
import { expect, test } from './fixtures';

test('VM, two guest_memfds and a memfd from scratch; the orphan; shared and reopened', async ({
  tour,
  luo,
  work,
  page,
}) => {
  await luo.open('seed', 'A');
  await tour.openEditor();
  await page.getByTestId('editor-clear').click();
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(0);
  await tour.addFile('kvm-vm', 'vm');
  await tour.addFile('guest_memfd', 'gmem');
  await tour.addFile('guest_memfd', 'gmem2');
  await tour.addFile('memfd', 'ram');
  await expect(tour.file('gmem2').getByTestId('editor-deps')).toHaveValue(/\d+/);
  await expect(tour.file('gmem2').getByTestId('editor-deps').locator('option:checked')).toHaveText(
    'vm (kvm-vm)',
  );
  await page.getByTestId('editor-title-input').fill('Two guest_memfds, one VM');
  await expect(tour.editorStatus).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('scenario')).toContainText('Two guest_memfds, one VM');

  // The orphan: preserve all, kexec, retrieve one guest_memfd, FINISH under A.
  await luo.preserveFirst('vm');
  for (const id of ['gmem', 'gmem2', 'ram']) await luo.click(id, [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await luo.finish('ok');
  await luo.expectState('gmem', 'finished', true);
  await luo.expectState('gmem2', 'discarded');
  await luo.expectOrphans(1);

  const link = await work.share();
  await page.goto('about:blank');
  await page.goto(link);
  await luo.expectState('gmem', 'finished', true);
  await luo.expectOrphans(1);
  await expect(luo.log).toHaveCount(9);
  await expect(page.getByTestId('scenario')).toContainText('Two guest_memfds, one VM');
  await tour.openEditor();
  await tour.expectFiles(['vm', 'gmem', 'gmem2', 'ram']);
  await expect(tour.file('gmem').getByTestId('editor-deps').locator('option:checked')).toHaveText(
    'vm (kvm-vm)',
  );
});

test('live validation: the message sits by its field and nothing applies until it is fixed', async ({
  tour,
  luo,
  page,
}) => {
  await luo.open('seed', 'A');
  await tour.openEditor();
  const id = tour.editorFiles.nth(0).getByTestId('editor-id');
  await id.fill('Vm');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await id.getAttribute('aria-describedby'))!;
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(
    '"Vm" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
  );
  await expect(tour.editorStatus).toHaveAttribute('data-valid', 'false');
  await luo.expectState('vm', 'live');

  await id.fill('gmem');
  await expect(tour.editorFiles.nth(1).getByTestId('editor-error')).toHaveText(
    'duplicate file id "gmem"',
  );
  await id.fill('vm1');
  await expect(tour.editorStatus).toHaveAttribute('data-valid', 'true');
  await expect(id).not.toHaveAttribute('aria-invalid', /.*/);
  await luo.expectState('vm1', 'live');
  await expect(luo.node('vm')).toHaveCount(0);
  await expect(tour.file('gmem').getByTestId('editor-deps').locator('option:checked')).toHaveText(
    'vm1 (kvm-vm)',
  );
  await tour.file('vm1').getByTestId('editor-remove').click();
  await expect(tour.file('gmem').getByTestId('editor-error')).toHaveText(
    'guest_memfd takes exactly one kvm-vm (got 0)',
  );
  await expect(luo.node('vm1')).toHaveCount(1);
});

test('dependencies offer only what each type may depend on', async ({ tour, luo, page }) => {
  await luo.open('vm-full', 'A');
  await tour.openEditor();
  const options = (id: string) => tour.file(id).getByTestId('editor-deps').locator('option');
  await expect(options('gmem')).toHaveText(['vm (kvm-vm)']);
  await expect(options('vcpu0')).toHaveText(['vm (kvm-vm)']);
  await expect(options('nic')).toHaveText(['(nothing)', 'iommu (iommufd)']);
  await expect(tour.file('iommu').getByTestId('editor-deps').getByRole('checkbox')).toHaveCount(1);
  await expect(tour.file('iommu').getByLabel('ram (memfd)')).toBeChecked();
  await expect(tour.file('vm')).toContainText('A kvm-vm takes no dependencies.');

  await tour.addFile('generic', 'gen');
  await expect(tour.file('gen').getByTestId('editor-deps').getByRole('checkbox')).toHaveCount(7);
  await tour.file('gen').getByLabel('gmem (guest_memfd)').check();
  await tour.file('gen').getByTestId('editor-prop-freezeError').selectOption('EIO');
  await expect(tour.editorStatus).toHaveAttribute('data-valid', 'true');
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(8);
});

test('undo reverts a scenario edit: the editor’s button, Ctrl+Z and the history’s Redo', async ({
  tour,
  luo,
  page,
}) => {
  await luo.open('seed', 'A');
  await tour.openEditor();
  await tour.addFile('memfd', 'ram');
  await tour.addFile('pipe', 'pipe');
  await page.getByTestId('editor-undo').click();
  await tour.expectFiles(['vm', 'gmem', 'ram']);
  await expect(luo.node('pipe')).toHaveCount(0);
  await page.getByTestId('editor-add').focus();
  await page.keyboard.press('Control+z');
  await tour.expectFiles(['vm', 'gmem']);
  await expect(luo.node('ram')).toHaveCount(0);
  await expect(page.getByTestId('scenario')).toHaveValue('seed');
  // The history's own Redo takes the edit back: an edit is an entry of the one undo.
  await page.getByTestId('history-redo').click();
  await tour.expectFiles(['vm', 'gmem', 'ram']);
  await expect(luo.announcer).toContainText('Redid the scenario edit: added a memfd.');
});
