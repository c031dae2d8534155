// Layouts the program does not know, mapped on screen (issue 15): a department list whose
// headers are its own, and a targets sheet headed 单位 | 指标. The next file of each reads itself.
import { api, choose, expect, id, screenshot, test } from './fixtures';

const csv = (rows: string[][]) => Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n'));

test('the clerk points at the header row and the columns of a list the program did not read, and the next one reads itself', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('villages.add', { code: '002', name: '团结村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '1' });
  const zs = id('50023519600501011');
  await call('roster.addPerson', { idNumber: zs, name: '张三', householdId: h.id, relation: '户主' });
  call.seal();
  const list = (name: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: csv([
      ['某某街道2023年11月救助花名册', '', ''],
      ['救助对象', '公民号', '救助种类'],
      ['张三', zs, '城乡低保'],
    ]),
  });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '部门认定名单');
  await choose(page, '认定部门', '民政局');
  await page.locator('input[type=file]').setInputFiles(list('救助花名册.csv'));
  const picker = page.getByTestId('columns-picker');
  await expect(picker).toBeVisible();
  await picker.getByRole('row', { name: /救助对象/ }).click();
  await choose(page, '身份证号所在的列', 'B 列：公民号');
  await choose(page, '姓名所在的列', 'A 列：救助对象');
  await choose(page, '人员类别所在的列', 'C 列：救助种类');
  await screenshot(page, 'import-columns-picker-1366');
  await picker.getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('认定1');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(list('救助花名册12月.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('无变化1');
  await expect(page.getByTestId('columns-picker')).toHaveCount(0);

  const targets = (name: string, a: number, b: number) => ({
    name,
    mimeType: 'text/csv',
    buffer: csv([
      ['单位', '指标'],
      ['幸福村', String(a)],
      ['团结村', String(b)],
    ]),
  });
  await page.getByRole('menuitem', { name: '进度' }).click();
  await page.locator('input[type=file]').setInputFiles(targets('指标.csv', 100, 200));
  await choose(page, '村（社区）所在的列', 'A 列：单位');
  await choose(page, '任务数所在的列', 'B 列：指标');
  await page.getByTestId('columns-picker').getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByTestId('progress-notice')).toHaveText('已导入 2 个村（社区）的任务数，合计 300。');
  await page.locator('input[type=file]').setInputFiles(targets('指标-下次.csv', 150, 250));
  await expect(page.getByTestId('progress-notice')).toHaveText('已导入 2 个村（社区）的任务数，合计 400。');
  await expect(page.getByTestId('columns-picker')).toHaveCount(0);
});
