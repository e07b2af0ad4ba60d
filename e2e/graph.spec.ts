/** Pan and zoom through the d3-zoom controller; a node never moves when its state changes. */
import { expect, test } from './fixtures';

test('zoom buttons and a drag change the view; node positions stay put', async ({ luo, page }) => {
  await luo.open('vm-full', 'C');
  const view = page.getByTestId('graph').locator(':scope > g');
  const before = await view.getAttribute('transform');
  const vmAt = await luo.node('vm').getAttribute('transform');

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(view).not.toHaveAttribute('transform', before!);
  const zoomed = await view.getAttribute('transform');
  expect(zoomed).toMatch(/scale\(/);

  // Drag on the empty top-left corner of the canvas pans the view.
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 90, box.y + 60, { steps: 4 });
  await page.mouse.up();
  await expect(view).not.toHaveAttribute('transform', zoomed!);

  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(view).toHaveAttribute('transform', before!);

  // States, the variant and the step never move a node.
  await luo.preserveFirst('vm');
  await luo.pickVariant('A');
  await luo.kexec();
  await luo.expectState('vm', 'incoming');
  await expect(luo.node('vm')).toHaveAttribute('transform', vmAt!);
});
