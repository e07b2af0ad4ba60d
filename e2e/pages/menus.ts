/** The toolbar menus (src/ui/chrome/ToolbarMenu.tsx): opened before a control inside is used. */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Opens the menu whose button has this test id (no-op when it is open). */
export async function openMenu(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId(`${testId}-panel`)).toBeVisible();
}
