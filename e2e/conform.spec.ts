/** Issue 11: a kernel run brought back, beside the variants, in the mail text and in a link. */
import AxeBuilder from '@axe-core/playwright';
import { stageOutputs } from '../src/trace/conform/testing';
import { parseTrace } from '../src/trace/parse';
import { replayTrace } from '../src/trace/replay';
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import type { WorkPage } from './pages/WorkPage';

/** The thread's example under A (7 steps), then its trace as the page downloads it. */
async function threadTrace(luo: LuoPage, work: WorkPage) {
  await luo.open('seed', 'A');
  await luo.threadExample();
  const parsed = parseTrace((await work.download('export-json')).text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

test('a run that disagrees at one step: marked in the compare view, the mail text and a link', async ({
  luo,
  work,
  views,
  kernel,
  page,
}) => {
  const doc = await threadTrace(luo, work);
  const result = replayTrace(doc);
  const returned = result.steps.map((r) => r.result as string);
  returned[5] = 'EAGAIN'; // the kernel refuses the retrieve of gmem, as variant B would
  const [stage1, stage2] = stageOutputs(doc, result, returned, '6.18.0-luo');

  // A refused input: the message names the line, the work stays.
  await kernel.paste(stage1!.replace(/sha256:\w+/, `sha256:${'0'.repeat(64)}`));
  await expect(kernel.error).toContainText('pasted text:8: this output is of another trace');
  await expect(kernel.error).toContainText('The open work stays as it was.');
  await page.getByTestId('import-run-close').click();
  await expect(kernel.dialog).toHaveCount(0);
  await work.expectAt(7, 7);

  // Both stages, as two files, second one first.
  await kernel.pickFiles([
    { name: 'stage2.txt', text: stage2! },
    { name: 'stage1.txt', text: stage1! },
  ]);
  await expect(kernel.dialog).toHaveCount(0);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(kernel.head).toHaveText('kernel run (6.18.0-luo)');
  await expect(kernel.first).toHaveAttribute('data-step', '6');
  await expect(kernel.first).toContainText(
    'luoscope predicted 0 (kernel tree 2026-06, variant A, switches changed: none), the kernel returned -EAGAIN',
  );
  await expect(kernel.cell(6)).toHaveAttribute('data-verdict', 'disagree');
  await expect(kernel.cell(6)).toHaveAttribute('data-result', 'EAGAIN');
  await expect(kernel.cell(6)).toContainText('first disagreement');
  for (const step of [1, 2, 3, 4, 5, 7]) {
    await expect(kernel.cell(step)).toHaveAttribute('data-verdict', 'agree');
  }
  // The variants' own first difference is unchanged beside it.
  await expect(views.firstDifference).toHaveAttribute('data-step', '6');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  const text = await work.mailExport();
  expect(text).toContain('  step  luoscope predicted  6.18.0-luo returned\n');
  expect(text).toMatch(/^ +6 {2}0 +-EAGAIN <- first disagreement$/m);
  expect(text).toContain('Summary: 1 disagree (first at step 6), 6 agree, 0 not run');
  await page.getByTestId('export-close').click();

  // The link carries the run: a reader sees the same column.
  const url = await work.share();
  await page.goto('about:blank');
  await page.goto(url);
  await work.expectAt(7, 7);
  await views.show('compare');
  await expect(kernel.head).toHaveText('kernel run (6.18.0-luo)');
  await expect(kernel.first).toHaveAttribute('data-step', '6');
  await expect(kernel.cell(6)).toHaveAttribute('data-verdict', 'disagree');

  // Another action at an earlier step: the run is of another trace now, and goes.
  await views.show('graph');
  await work.jump(3);
  await luo.kexec();
  await views.show('compare');
  await expect(kernel.head).toHaveCount(0);
});

test('the output of a machine without /dev/liveupdate, dropped on the dialog: every step not run', async ({
  luo,
  work,
  kernel,
  page,
}) => {
  const doc = await threadTrace(luo, work);
  const result = replayTrace(doc);
  const [stage1] = stageOutputs(
    doc,
    result,
    result.steps.map((r) => r.result as string),
  );
  const skipped = stage1!
    .replace(
      '# stage: 1 of 2',
      '# stage: none (cannot open /dev/liveupdate: No such file or directory)',
    )
    .replace(/^ok (\d+) - (.*?)(?: = \S+| # SKIP .*)$/gm, 'ok $1 - $2 # SKIP no /dev/liveupdate');
  await kernel.dropFiles([{ name: 'repro.out', text: skipped }]);
  await expect(kernel.dialog).toHaveCount(0);
  await expect(kernel.first).toContainText('7 steps not run');
  for (let step = 1; step <= 7; step++) {
    await expect(kernel.cell(step)).toHaveAttribute('data-verdict', 'skipped');
    await expect(kernel.cell(step)).toContainText('not run, skipped: no /dev/liveupdate');
  }
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
