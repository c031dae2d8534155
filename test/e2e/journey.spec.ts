import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { api, choose, expect, id, screenshot, test, fileInput, shownScreen } from './fixtures';
import { writeCsv } from '../helpers/files';

const ZHANG = id('50023519600501011');
const LI = id('50023519620302012');
const WANG = id('50023519700815011');
/** 王五's number as 税务 typed it: the 15th and 16th characters swapped, still a valid number. */
const WANG_MISTYPED = id('50023519700815101');

/** A roster as a 村 sends it: a title row, a merged two-row header, IDs as text, one bad ID. */
async function rosterFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['农坝镇2024年度城乡居民医保参保花名册']);
  ws.mergeCells('A1:F1');
  ws.addRow(['基本信息', '', '', '', '家庭', '']);
  ws.mergeCells('A2:D2');
  ws.mergeCells('E2:F2');
  ws.addRow(['村（居）', '姓名', '公民身份号码', '联系电话', '户号', '与户主关系']);
  ws.addRow(['幸福村', '张三', ZHANG, '13800000001', '0001', '户主']);
  ws.addRow(['幸福村', '李四', LI, '', '0001', '配偶']);
  ws.addRow(['团结村', '王五', WANG, '13800000003', '0002', '户主']);
  ws.addRow(['团结村', '赵六', '500235197008150110', '', '0002', '子女']);
  const file = path.join(dir, '花名册.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function dibaoFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('低保');
  ws.addRow(['序号', '户主姓名', '身份证号码', '保障人数']);
  ws.addRow([1, '张三', ZHANG, 1]);
  const file = path.join(dir, '民政局低保名单.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

test('a season from the screens alone: office, roster, 低保 list, enroll, print, void, re-enroll, progress, 附件3, the tax file’s 待核实, a household by village', async ({
  page,
  host,
  request,
}) => {
  test.setTimeout(180_000);
  // Nothing is set up behind the screens: the helper is sealed from the start, and any call fails the test.
  const call = await api(request, host.url);
  call.seal();
  await expect(call('office.get', {})).rejects.toThrow('after the setup');
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-journey-'));
  // The desk's clock says 2023-11-02, inside 农坝's centralized window, and keeps running
  // (a frozen clock would also freeze antd's animations).
  await page.clock.install({ time: new Date('2023-11-02T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();

  // The office, its villages and the policy in force.
  await menu('设置');
  await page.getByLabel('所属区县').fill('云阳县');
  await page.getByLabel('乡镇/街道').fill('农坝镇');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  for (const [code, name] of [
    ['001', '幸福村'],
    ['002', '团结村'],
  ]) {
    await page.getByLabel('村/社区代码').fill(code!);
    await page.getByLabel('村/社区名称').fill(name!);
    await page.getByLabel('村/社区名称').press('Enter');
    await expect(page.getByRole('cell', { name })).toBeVisible();
  }
  await menu('政策');
  await choose(page, '2024年度政策', '重庆市云阳县农坝镇 2024 年度（农坝府发〔2023〕42号）');
  await expect(page.getByText('本所使用中')).toBeVisible();

  // The roster: the bad row is named, the rest go in.
  await menu('导入导出');
  await fileInput(page).setInputFiles(await rosterFile(files));
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('新增3');
  await expect(counts).toContainText('有问题1');
  await expect(page.getByText('校验位')).toBeVisible();
  await screenshot(page, 'import-preview-1366');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载问题报告' }).click();
  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(await (await download).path());
  expect(report.worksheets[0]!.getRow(2).getCell(3).text).toBe('赵六');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toContainText('新增 3');

  // The 民政 低保 list certifies 张三.
  await choose(page, '导入内容', '部门认定名单');
  await choose(page, '认定部门', '民政局');
  await choose(page, '名单类别', '城乡低保对象');
  await page.getByLabel('认定日期').fill('2023-01-01');
  await fileInput(page).setInputFiles(await dibaoFile(files));
  await expect(counts).toContainText('认定1');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toContainText('认定 1');
  await expect(page.getByRole('row').filter({ hasText: '民政局低保名单.xlsx' }).filter({ hasText: '认定 1' })).toBeVisible();
  await screenshot(page, 'import-export-1366');

  // The 工作台 shows who is left, and the 低保 person among them is one click away.
  await menu('工作台');
  await expect(page.getByRole('button', { name: '未参保', exact: true })).toContainText('3');
  await expect(page.getByRole('button', { name: '手工认定待核对' })).toContainText('0');
  await page.getByRole('button', { name: '资助对象未参保' }).click();
  await expect(page.getByRole('cell', { name: '张三' })).toBeVisible();
  await expect(page.getByTestId('window-card')).toContainText('天后截止');

  // At the desk: found by initials, quoted 342 / 38, saved, the receipt printed.
  await menu('参保登记');
  const box = page.getByLabel('查找参保人');
  await box.fill('zs');
  await expect(page.getByText('张三，')).toBeVisible();
  await box.press('Enter');
  // On the desk (工作台, left behind hidden, lists 张三 with the same words).
  await expect(shownScreen(page).getByText('城乡低保对象')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tier-1')).toContainText('342.00');
  await expect(page.getByTestId('tier-1')).toContainText('38.00');
  await expect(page.getByTestId('tier-2')).toContainText('375.00');
  await screenshot(page, 'enroll-tiers-1366');
  await page.keyboard.press('Enter');
  await expect(page.getByText('个人缴费 38.00 元')).toBeVisible();
  await expect(page.getByText('农坝府发〔2023〕42号 三(一)')).toBeVisible();
  await page.keyboard.press('Enter');
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('2024000001');
  await expect(receipt).toContainText('叁拾捌元整');
  await expect(receipt).toContainText('500235********0117');
  await screenshot(page, 'enroll-receipt-1366');

  // Printed to PDF as the browser prints it: the receipt alone, with the amounts in it.
  await page.emulateMedia({ media: 'print' });
  const dir = path.join('test', 'artifacts');
  fs.mkdirSync(path.join(dir, 'screenshots'), { recursive: true });
  const pdf = path.join(dir, 'receipt.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('342.00');
  expect(text).toContain('38.00');
  expect(text).toContain('叁拾捌元整');
  expect(text).not.toContain('参保登记');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'screenshots', 'receipt-pdf')]);
  await page.emulateMedia({ media: 'screen' });

  // The village's progress counts the payment; voiding takes it back; re-entering restores it.
  const progress = async (text: string) => {
    await menu('进度');
    await expect(page.getByTestId('total-progress')).toHaveText(text);
  };
  await menu('进度');
  for (const v of ['幸福村', '团结村']) {
    await page.getByLabel(`${v}任务数`).fill('2');
    await page.getByLabel(`${v}任务数`).press('Enter');
  }
  await progress('已参保 1 / 任务 4');
  await expect(page.getByText('50.00%')).toBeVisible();
  await screenshot(page, 'progress-1366');

  await menu('花名册');
  await page.getByLabel('搜索人员').fill('张三');
  await page.getByRole('cell', { name: '张三' }).click();
  await page.getByRole('button', { name: '作废', exact: true }).click();
  await page.getByLabel('作废原因').fill('档次选错');
  await page.getByLabel('作废原因').press('Enter');
  await expect(page.getByText('已作废：档次选错')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('已作废：档次选错')).toBeHidden();
  await progress('已参保 0 / 任务 4');

  await menu('参保登记');
  await page.getByLabel('查找参保人').fill('张三');
  await expect(page.getByText('张三，')).toBeVisible();
  for (const expectText of ['城乡低保对象', '375.00', '个人缴费 38.00 元']) {
    await page.keyboard.press('Enter');
    await expect(shownScreen(page).getByText(expectText).first()).toBeVisible();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt')).toContainText('2024000002');
  await progress('已参保 1 / 任务 4');

  // 附件3 as the county gets it, read back from the downloaded file.
  await menu('导入导出');
  await choose(page, '导出表格', '附件3 城乡居民基本医疗保险筹资进度表');
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出并保存' }).click();
  const saved = await exported;
  expect(saved.suggestedFilename()).toMatch(/^农坝镇-附件3-2024年度城乡居民基本医疗保险筹资进度表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await saved.path());
  const rows = wb.worksheets[0]!.getSheetValues()
    .filter(Boolean)
    .map((r) => (r as ExcelJS.CellValue[]).slice(1).map(String));
  expect(rows[0]![0]).toBe('附件3');
  expect(rows[1]![0]).toBe('云阳县2024年度城乡居民基本医疗保险筹资进度表');
  // 完成率 is a number the sheet shows as a percentage.
  expect(rows).toContainEqual(['幸福村', '2', '1', '0.5']);
  expect(rows).toContainEqual(['团结村', '2', '0', '0']);
  await expect(page.getByText('已导出「城乡居民基本医疗保险筹资进度表」')).toBeVisible();

  // 税务's payments file: 李四 paid and is recorded; 王五's mistyped number waits for the clerk.
  await menu('导入导出');
  await choose(page, '导入内容', '缴费记录');
  const tax = writeCsv(
    path.join(files, '税务缴费明细.csv'),
    [
      ['证件号码', '姓名', '费款所属期', '缴费档次', '缴费金额', '缴费日期', '缴费渠道'],
      [LI, '李四', '2024', '一档', '380', '2023-11-01', '微信'],
      [WANG_MISTYPED, '王五', '2024', '一档', '380', '2023-11-01', '支付宝'],
    ],
    'gb18030',
  );
  await fileInput(page).setInputFiles(tax);
  await expect(counts).toContainText('记入参保1');
  await expect(counts).toContainText('待核实1');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await menu('工作台');
  const pendingTile = page.getByRole('button', { name: '待核实缴费' });
  await expect(pendingTile).toContainText('1');
  await pendingTile.click();
  await page.getByRole('row', { name: /王五/ }).getByRole('button', { name: '处理', exact: true }).click();
  const settle = page.getByRole('dialog', { name: /处理待核实缴费：王五/ });
  await expect(settle.getByRole('radio', { name: '选择 王五' })).toBeChecked();
  await settle.getByRole('button', { name: '登记参保' }).click();
  await expect(pendingTile).toContainText('0');
  await progress('已参保 3 / 任务 4');

  // 花名册 by village: 幸福村's household 0001 with both paid; 李四's phone corrected from there.
  await menu('花名册');
  await page.getByRole('tab', { name: '按村浏览' }).click();
  await choose(page, '浏览村（社区）', '幸福村');
  await expect(page.getByTestId('book-counts')).toHaveText('共 1 户、2 人');
  await expect(page.locator('tr.book-household').first()).toContainText('2 / 2');
  await page.getByRole('button', { name: '打开此户' }).click();
  await page.getByRole('row', { name: /李四/ }).getByRole('button', { name: '人员信息' }).click();
  await page.getByTestId('edit-person').click();
  await page.getByRole('dialog', { name: '修改「李四」的信息' }).getByLabel('联系电话').fill('13900000002');
  await page.getByRole('dialog', { name: '修改「李四」的信息' }).getByLabel('联系电话').press('Enter');
  await expect(page.getByRole('cell', { name: '联系电话：（空） → 13900000002' })).toBeVisible();
  await screenshot(page, 'journey-person-edited-1366');

  // The next morning: the app restarts and the ledger is as it was left.
  await host.restart();
  await page.goto(host.url);
  await progress('已参保 3 / 任务 4');
  fs.rmSync(files, { recursive: true, force: true });
});
