/** A whole VM: a clean live update, and a kexec that fails in freeze and rolls back. */
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';

const FILES = ['vm', 'vcpu0', 'vcpu1', 'gmem', 'ram', 'iommu', 'nic'];

/**
 * Preserves every file in dependency order. The vCPUs are running: the caretaker code preserves
 * them as they are (correction C7; vmm.rst's EBUSY is not in the code).
 */
async function preserveAll(luo: LuoPage) {
  await luo.preserveFirst('vm');
  for (const id of ['vcpu0', 'vcpu1', 'gmem', 'ram', 'iommu', 'nic']) {
    await luo.click(id, [['preserve', 'ok']]);
  }
  for (const id of FILES) await luo.expectState(id, 'preserved');
}

async function disableIrqs(luo: LuoPage) {
  await luo.select('nic');
  await luo.setProp('irqsEnabled', false);
}

test('vm-full: preserve, kexec, retrieve everything, FINISH: clean', async ({ luo }) => {
  await luo.open('vm-full', 'A');
  await preserveAll(luo);
  await disableIrqs(luo);
  await luo.kexec();
  await expect(luo.boot).toHaveAttribute('data-boot', '1');
  for (const id of FILES) await luo.expectState(id, 'incoming');
  await luo.click('vm', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  for (const id of FILES.slice(1)) await luo.click(id, [['retrieve', 'ok']]);
  for (const id of FILES) await luo.expectState(id, 'retrieved');
  // vfio-pci's can_finish waits for the device to be opened after bind (correction C4).
  await luo.finish('EBUSY');
  // nic, retrieved last, is still selected (a click would preserve it again).
  await luo.setProp('bound', true);
  await luo.finish();
  for (const id of FILES) await luo.expectState(id, 'finished');
  await expect(luo.outcome).toHaveAttribute('data-orphans', '0');
  await expect(luo.outcome).toHaveAttribute('data-data-loss', '0');
  await expect(luo.outcome).toHaveAttribute('data-stuck', '0');
  await expect(luo.outcome).toHaveAttribute('data-reboot-failed', 'false');
  await expect(luo.outcome).toContainText('Clean so far');
});

test('vm-full: kexec with device IRQs on fails and rolls back, then succeeds', async ({ luo }) => {
  await luo.open('vm-full', 'A');
  await preserveAll(luo);
  await luo.kexec('EINVAL');
  const failed = luo.log.last();
  await expect(failed).toContainText('interrupts still enabled');
  // No handler frozen before nic has an .unfreeze() (correction C2): the log shows none.
  await expect(failed).not.toContainText('unfreeze(');
  await expect(luo.boot).toHaveAttribute('data-boot', '0');
  for (const id of FILES) await luo.expectState(id, 'preserved');
  await expect(luo.outcome).toHaveAttribute('data-reboot-failed', 'true');
  await disableIrqs(luo);
  await luo.kexec('ok');
  await expect(luo.boot).toHaveAttribute('data-boot', '1');
  for (const id of FILES) await luo.expectState(id, 'incoming');
  await expect(luo.outcome).toHaveAttribute('data-reboot-failed', 'false');
});
