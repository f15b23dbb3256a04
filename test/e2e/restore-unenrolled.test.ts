import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../support/hub';
import { damageHeader, restoredUnenrolledSite } from '../support/restored-site';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { openAdmin } from './support/counter-login';

/**
 * A hub with no central restored from a backup, whose replaced database cannot be read: Quản trị
 * → Đồng bộ says the restore was settled here, that the numbers jumped, and that the kept file
 * could not be read.
 */
describe('a restore on a hub not enrolled, as the admin sees it', () => {
  it('says what the restore did and that the kept database could not be read', async () => {
    const { hub, work, kept } = await restoredUnenrolledSite(3, 1, { screens: true });
    const browser = await launchBrowser();
    try {
      damageHeader(kept);
      await work.issue();
      const page = await (await deviceContext(browser, sizes.counter, {})).newPage();
      await openAdmin(page, hub.url, ADMIN_PASSWORD, 'dong-bo');
      await expect.poll(() => page.getByText('Máy chủ này đã được phục hồi từ bản sao lưu', { exact: false }).isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('sync-recovery-missing').textContent()).toMatch(/^Không đọc được cơ sở dữ liệu cũ đã cất riêng khi khôi phục/);
      await page.getByTestId('sync-recovery-missing').scrollIntoViewIfNeeded();
      await screenshot(page, 'sync-admin-restored-unenrolled-1366x768');
      expect(await accessibilityProblems(page, null)).toEqual([]);
    } finally {
      await browser.close();
      await hub.close();
    }
  });
});
