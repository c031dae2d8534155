import ExcelJS from 'exceljs';
import { api, expect, test, fileInput } from './fixtures';

test('the county’s 附件2 fills the targets; the week’s starting point is kept', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  await call('villages.add', { code: '001', name: '幸福村' });
  await call('villages.add', { code: '002', name: '团结村' });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  ws.addRow(['农坝镇2024年度城乡居民基本医疗保险参保目标任务分解表']);
  ws.addRow(['村（社区）名称', '2024年参保目标任务数']);
  ws.addRow(['幸福村', 1200]);
  ws.addRow(['团结村', 800]);
  ws.addRow(['合计', 2000]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '进度' }).click();
  await fileInput(page).setInputFiles({ name: '附件2.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(page.getByTestId('progress-notice')).toHaveText('已导入 2 个村（社区）的任务数，合计 2000。');
  await expect(page.getByTestId('total-progress')).toHaveText('已参保 0 / 任务 2000');
  await expect(page.getByLabel('幸福村任务数')).toHaveValue('1200');
  await page.getByRole('button', { name: '重新记录本周起点' }).click();
  await expect(page.getByTestId('progress-notice')).toHaveText('已把现在的参保人数记为本周起点。');
  await expect(page.getByRole('row').filter({ hasText: '幸福村' })).toContainText('0');
});
