// 批量参保登记表 on screen (issue 29): the village's 单位编号 set in 设置, then 导入导出 writes the
// village's persons the 医保 platform does not know yet and says so; the second time, nobody new.
import ExcelJS from 'exceljs';
import { api, choose, expect, id, screenshot, test } from './fixtures';

test('批量参保登记表: the 单位编号 set in 设置, the new persons exported once', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  await call('roster.addPerson', { idNumber: id('50023519800203011'), name: '新甲', householdId: h.id, relation: '户主' });
  await call('roster.addPerson', { idNumber: id('50023519850607012'), name: '新乙', householdId: h.id, relation: '配偶' });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导出表格', '批量参保登记表（医保平台新参保，按村）');
  await choose(page, '导出村', '幸福村');
  await page.getByRole('button', { name: '导出并保存' }).click();
  await expect(page.getByRole('alert')).toContainText('还没有填写幸福村在医保平台的单位编号');

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '单位编号', exact: true }).click();
  const code = page.getByRole('textbox', { name: '单位编号' });
  await code.fill('5002350010001');
  await code.press('Enter');
  await expect(page.getByRole('cell', { name: '5002350010001' })).toBeVisible();

  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导出表格', '批量参保登记表（医保平台新参保，按村）');
  await choose(page, '导出村', '幸福村');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出并保存' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await download).path());
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(2).getCell(3).text).toBe('公民身份号码');
  expect([ws.getRow(3).getCell(4).text, ws.getRow(4).getCell(4).text]).toEqual(['新甲', '新乙']);
  await expect(page.getByText('已导出批量参保登记表：2 人。已记下，下次只导出新增或改动的人员。')).toBeVisible();
  await screenshot(page, 'registration-export-1366');

  await page.getByRole('button', { name: '导出并保存' }).click();
  await expect(page.getByRole('alert')).toContainText('幸福村没有要到医保平台新登记的人员');
});
