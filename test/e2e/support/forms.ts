// Filling the console's own inputs the way a user does.
import type { Locator, Page } from 'playwright-core';

/** A day input by its label: the group of its day, month and year parts. */
export function dayInput(page: Page, label: string): Locator {
  return page.getByRole('group', { name: label });
}

/**
 * Types a calendar day ("2027-01-31") into the day input with this label, replacing what it held.
 * The input shows dd-mm-jjjj (Dutch) or dd/mm/yyyy (English): both take day, month, year.
 */
export async function fillDay(page: Page, label: string, isoDay: string): Promise<void> {
  const [year, month, day] = isoDay.split('-');
  const keyboard = page.keyboard;
  await dayInput(page, label).click();
  await keyboard.press('ControlOrMeta+a');
  await keyboard.press('Backspace');
  await keyboard.type(`${day}${month}${year}`);
}

/** Picks an option of an autocomplete input by typing part of its name. */
export async function pickOption(page: Page, input: Locator, typed: string, option: string): Promise<void> {
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/** Picks an option of a select input. */
export async function selectOption(page: Page, input: Locator, option: string): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The day as the day input with this label shows it: "31-12-2027" in Dutch. */
export function shownDay(page: Page, label: string): Promise<string> {
  return dayInput(page, label).locator('input').inputValue();
}
