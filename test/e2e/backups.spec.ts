import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, expect, screenshot, test } from './fixtures';

test('设置 → 备份: back up now, to a chosen folder, and restore one after a confirmation that names it', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('villages.add', { code: '001', name: '甲村' });
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '备份' }).click();
  const card = page.locator('.ant-card', { has: page.getByText('备份', { exact: true }) });
  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(card.getByText(/^已备份：/)).toBeVisible();
  await expect(card.getByRole('row', { name: /手动/ })).toHaveCount(1);

  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-usb-'));
  await card.getByLabel('备份到文件夹').fill(usb);
  await card.getByRole('button', { name: '备份到此文件夹' }).click();
  await expect(card.getByText(`已备份：${usb}`, { exact: false })).toBeVisible();
  expect(fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
  fs.rmSync(usb, { recursive: true, force: true });

  // A village added after the backup is gone once the backup is restored.
  await call('villages.add', { code: '002', name: '乙村' });
  await card.getByRole('row', { name: /手动/ }).getByRole('button', { name: '恢复', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '恢复备份' });
  await expect(dialog).toContainText('替换现在的台账');
  await screenshot(page, 'settings-backup-restore-1366');
  await dialog.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(card.getByText(/^已恢复 /)).toBeVisible();
  await expect(card.getByRole('row', { name: /恢复备份前/ })).toHaveCount(1);
  await screenshot(page, 'settings-backups-1366');
  await page.reload();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('cell', { name: '甲村' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '乙村' })).toHaveCount(0);
});
