// Issue 25, "a newcomer finds the way": the column picker starts on the header row under the
// title with the columns it knows filled; lists behind the person drawer follow its edits;
// 工作台's tiles stand one height at 1366 and 1024 wide, whatever their titles.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { api, choose, expect, id, screenshot, test, fileInput } from './fixtures';

async function issueWorkbook(people: [string, string, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const header = ['序号', '居民姓名', '公民身份证号', '联系方式', '村别', '门牌户号'];
  ws.addRow(['幸福村2024年度城乡居民医保参保人员登记表']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  people.forEach(([name, idNumber, phone], i) => ws.addRow([i + 1, name, idNumber, phone, '幸福村', '0007']));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the column picker starts on the header row under the title and fills 联系方式, also when the clerk picks the row again', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  await call('villages.add', { code: '001', name: '幸福村' });
  call.seal();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '花名册');
  await fileInput(page).setInputFiles({
    name: '参保人员登记表.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await issueWorkbook([
      ['赵一', id('50023519700101011'), '13800001111'],
      ['钱二', id('50023519720202022'), '13800002222'],
    ]),
  });
  const picker = page.getByTestId('columns-picker');
  const column = (field: string) => picker.getByLabel(`${field}所在的列`).locator('..');
  await expect(picker.getByText('表头 2', { exact: true })).toBeVisible();
  await expect(picker.getByLabel('表头所在的行').locator('..')).toContainText('第 2 行');
  await expect(column('联系电话')).toContainText('D 列：联系方式');
  await screenshot(page, 'import-picker-guessed-1366');

  // The title picked by hand: nothing is known there. The header again: 联系方式 comes back.
  await picker.getByRole('row', { name: /参保人员登记表/ }).click();
  await expect(picker.getByText('表头 1', { exact: true })).toBeVisible();
  await expect(column('联系电话')).toContainText('（不导入）');
  await choose(page, '表头所在的行', '第 2 行');
  await expect(column('联系电话')).toContainText('D 列：联系方式');

  await choose(page, '姓名所在的列', 'B 列：居民姓名');
  await choose(page, '身份证号所在的列', 'C 列：公民身份证号');
  await choose(page, '村（社区）所在的列', 'E 列：村别');
  await choose(page, '户号所在的列', 'F 列：门牌户号');
  await picker.getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('数据行2');
});

test('an edit in the person drawer shows at once in the list behind it: search results, the village roll, 工作台’s list', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  await call('roster.addPerson', { idNumber: id('50023519580301012'), name: '杨桂花', householdId: h.id, relation: '户主' });
  await call('roster.addPerson', { idNumber: id('50023519600402013'), name: '王建国', householdId: h.id, relation: '配偶' });
  call.seal();

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByLabel('搜索人员').fill('杨桂花');
  await page.getByLabel('搜索人员').press('Enter');
  await rename(page, '杨桂花', '杨桂华', '13900001111');
  const results = page.getByRole('tabpanel', { name: '查找人员' });
  // Behind the open drawer, the row the search found now reads the new name and phone.
  await expect(results.getByRole('row', { name: /杨桂华.*13900001111/ })).toBeVisible();
  await expect(results.getByRole('cell', { name: '杨桂花', exact: true })).toHaveCount(0);
  await screenshot(page, 'roster-after-rename-1366');
  await page.keyboard.press('Escape');
  await expect(results.getByRole('cell', { name: '杨桂华', exact: true })).toBeVisible();

  await page.getByRole('tab', { name: '按村浏览' }).click();
  await choose(page, '浏览村（社区）', '幸福村');
  await page.getByRole('button', { name: '展开行' }).first().click();
  await page.getByRole('cell', { name: '王建国', exact: true }).click();
  await rename(page, '王建国', '王建华');
  await expect(page.getByRole('row', { name: /0001\s*杨桂华\s*杨桂华、王建华/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByRole('button', { name: '未参保', exact: true }).click();
  await page.getByRole('cell', { name: '王建华', exact: true }).click();
  await rename(page, '王建华', '王建民');
  await expect(page.getByRole('cell', { name: '王建民', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '王建华', exact: true })).toHaveCount(0);
});

async function rename(page: Page, from: string, to: string, phone?: string) {
  await page.getByTestId('edit-person').click();
  const edit = page.getByRole('dialog', { name: `修改「${from}」的信息` });
  await edit.getByLabel('姓名').fill(to);
  if (phone) await edit.getByLabel('联系电话').fill(phone);
  await edit.getByLabel('姓名').press('Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByRole('dialog', { name: new RegExp(`^${to}（`) })).toBeVisible();
}

test('工作台’s tiles stand one height at 1366 and 1024 wide, one more with a long title too', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  await call('roster.addPerson', { idNumber: id('50023519580301012'), name: '杨桂花', householdId: h.id, relation: '户主' });
  call.seal();
  await page.clock.install({ time: new Date('2023-11-02T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  const tiles = page.getByTestId('tiles');
  await expect(tiles.getByRole('button', { name: '去年参保、今年未参保' })).toBeVisible();

  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await expectEvenTiles(page);
    await screenshot(page, `dashboard-tiles-${width}`);
  }
  // The lead's next tile, 去年情况不明, or any longer title: the same height, the title on one line.
  await tiles.evaluate((grid) => {
    const extra = grid.lastElementChild!.cloneNode(true) as HTMLElement;
    extra.querySelector('.tile-title')!.textContent = '去年情况不明（尚未导入医保参保名单的年度）';
    grid.append(extra);
  });
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await expectEvenTiles(page);
  }
  await screenshot(page, 'dashboard-tiles-eight-1366');
});

async function expectEvenTiles(page: Page) {
  const tiles = page.getByTestId('tiles').locator(':scope > *');
  const count = await tiles.count();
  expect(count).toBeGreaterThanOrEqual(7);
  const heights = new Set<number>();
  for (let i = 0; i < count; i++) {
    heights.add(Math.round((await tiles.nth(i).boundingBox())!.height));
    // One line: a title's box is no taller than its line.
    expect((await tiles.nth(i).locator('.tile-title').boundingBox())!.height).toBeLessThan(30);
  }
  expect([...heights]).toHaveLength(1);
}
