import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Logs a staff member in on the counter screen and opens a counter by its key in the chooser (1–9). */
export async function openCounter(page: Page, hubUrl: string, username: string, password: string, counterKey: string): Promise<void> {
  await page.goto(`${hubUrl}/counter`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('dialog', { name: 'Chọn quầy làm việc' }).isVisible()).toBe(true);
  await page.keyboard.press(counterKey);
}

/** Logs the admin in on the admin screen, at a section (`#dong-bo`). */
export async function openAdmin(page: Page, hubUrl: string, password: string, section: string): Promise<void> {
  await page.goto(`${hubUrl}/admin#${section}`);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
}
