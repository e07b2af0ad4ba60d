/** The thread's example (seed scenario) under variants A, B and D. */
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';

async function preserveAndReboot(luo: LuoPage) {
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.expectState('vm', 'preserved');
  await luo.expectState('gmem', 'preserved');
  await luo.kexec();
  await expect(luo.boot).toHaveAttribute('data-boot', '1');
  await luo.expectState('vm', 'incoming');
  await luo.expectState('gmem', 'incoming');
}

test('A: retrieving guest_memfd only, FINISH returns ok and leaves it orphaned', async ({
  luo,
}) => {
  await luo.open('seed', 'A');
  await preserveAndReboot(luo);
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await luo.expectState('gmem', 'retrieved');
  await luo.expectState('vm', 'kernel-retrieved');
  await luo.expectOrphans(0);
  await luo.finish('ok');
  await luo.expectState('gmem', 'finished', true);
  await luo.expectOrphans(1);
  await expect(luo.page.getByTestId('outcome-orphan')).toContainText('Silent');
});

test('B: retrieving guest_memfd first gives EAGAIN and changes nothing', async ({ luo }) => {
  await luo.open('seed', 'B');
  await preserveAndReboot(luo);
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'EAGAIN'],
  ]);
  await expect(luo.log.last()).toContainText('must be retrieved first');
  await luo.expectState('gmem', 'incoming');
  await luo.expectState('vm', 'incoming');
  // In the right order both succeed and FINISH is clean.
  await luo.click('vm', [['retrieve', 'ok']]);
  await luo.click('gmem', [['retrieve', 'ok']]);
  await luo.finish('ok');
  await luo.expectState('gmem', 'finished');
  await luo.expectOrphans(0);
});

test('D: FINISH is refused with EBUSY until the VM fd is retrieved', async ({ luo }) => {
  await luo.open('seed', 'D');
  await preserveAndReboot(luo);
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await luo.finish('EBUSY');
  await luo.expectState('gmem', 'retrieved');
  await luo.expectState('vm', 'kernel-retrieved');
  await luo.expectOrphans(0);
  await luo.click('vm', [['retrieve', 'ok']]);
  await luo.expectState('vm', 'retrieved');
  await luo.finish('ok');
  await luo.expectState('gmem', 'finished');
  await luo.expectState('vm', 'finished');
  await luo.expectOrphans(0);
});

test('changing the variant replays the same actions', async ({ luo }) => {
  await luo.open('seed', 'A');
  await preserveAndReboot(luo);
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await luo.finish('ok');
  await luo.expectOrphans(1);
  await luo.pickVariant('D');
  await expect(luo.log).toHaveCount(7);
  await expect(luo.log.last()).toHaveAttribute('data-result', 'EBUSY');
  await luo.expectOrphans(0);
  await expect(luo.page).toHaveURL(/variant=D/);
  await luo.pickVariant('A');
  await luo.expectOrphans(1);
  await luo.expectState('gmem', 'finished', true);
});
