// The county's attachments printed as the forms they are (issue 16), each checked in Chromium's
// PDF: the words (pdftotext), the pages, and a picture of each page looked at.
import type { Page } from '@playwright/test';
import { printedText } from './pdf-words';
import { api, choose, expect, id, screenshot, test } from './fixtures';

const printed = async (page: Page, name: string): Promise<string[]> => (await printedText(page, name)).pages;

test('附件1–5 print as the county’s forms: label at the top left, the seed’s words and header rows, 附件1 on one page', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('villages.add', { code: '002', name: '团结村' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const zs = await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主' });
  const ls = await call('roster.addPerson', { idNumber: id('50023520010302012'), name: '李四', householdId: h.id, relation: '子' });
  await call('roster.setInsurance', { id: ls.id, outOfCounty: 'in_city_resident', place: '重庆大学' });
  await call('targets.set', { coverageYear: 2024, villageId: v.id, target: 3 });
  await call('enroll.person', { personId: zs.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
  call.seal();

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '打印' }).click();

  await choose(page, '打印内容', '附件1 筹资对照表');
  const f1 = page.getByTestId('fujian1');
  await expect(f1).toContainText('农坝镇2024年度城乡居民基本医疗保险筹资对照表');
  // Merged as the seed: 民政局 once, over all its rows.
  await expect(f1.getByRole('cell', { name: '民政局', exact: true })).toHaveCount(1);
  await expect(f1.getByRole('cell', { name: '在乡老复员军人' })).toBeVisible();
  await screenshot(page, 'form-fujian1-1366');
  const p1 = await printed(page, 'form-fujian1');
  expect(p1).toHaveLength(1);
  expect(p1[0]!.trimStart().startsWith('附件1')).toBe(true);
  expect(p1[0]).toContain('金额(元)');

  await choose(page, '打印内容', '附件3 筹资进度表');
  const f3 = page.getByTestId('fujian3');
  await expect(f3).toContainText('云阳县2024年度城乡居民基本医疗保险筹资进度表');
  await expect(f3.getByRole('columnheader')).toHaveText(['乡镇名称', '应参保人数', '实际参保人数', '完成率（100%）']);
  await expect(f3.getByRole('row', { name: /幸福村\s*3\s*1\s*33\.33%/ })).toBeVisible();
  await screenshot(page, 'form-fujian3-1366');
  const p3 = await printed(page, 'form-fujian3');
  expect(p3).toHaveLength(1);
  expect(p3[0]!.trimStart().startsWith('附件3')).toBe(true);
  expect(p3[0]).toContain('完成率（100%）');
  expect(p3[0]).toMatch(/合计\s+3\s+1\s+33\.33%/);
  expect(p3[0]).not.toContain('排名');

  await choose(page, '打印内容', '附件2 参保目标任务分解表');
  const f2 = page.getByTestId('fujian2');
  await expect(f2.getByRole('columnheader')).toHaveText(['乡镇名称', '2024年参保目标任务数']);
  await screenshot(page, 'form-fujian2-1366');
  const p2 = await printed(page, 'form-fujian2');
  expect(p2[0]!.trimStart().startsWith('附件2')).toBe(true);
  expect(p2[0]).toContain('农坝镇2024年度城乡居民基本医疗保险参保目标任务分解表');
  expect(p2[0]).toMatch(/合计\s+3/);

  await choose(page, '打印内容', '附件4 县外参加基本医疗保险情况明细表');
  const f4 = page.getByTestId('fujian4');
  await expect(f4).toContainText('填报单位：农坝镇');
  await expect(f4.getByRole('row', { name: /^1\s*农坝镇\s*幸福村\s*李四/ })).toBeVisible();
  await expect(f4.getByRole('cell', { name: '14', exact: true })).toBeVisible();
  await expect(f4.getByRole('cell', { name: '......', exact: true })).toBeVisible();
  await screenshot(page, 'form-fujian4-1366');
  const p4 = await printed(page, 'form-fujian4');
  expect(p4[0]).toContain('县外参保情况（下拉框选择）');

  await choose(page, '打印内容', '附件5 参加基本医疗保险情况汇总表');
  const f5 = page.getByTestId('fujian5');
  await expect(f5.locator('thead tr')).toHaveCount(2);
  await expect(f5.locator('thead tr').first().locator('th')).toHaveText(['乡镇', '2023年户籍人数', '不在参保范围内人数', '县外参加基本医疗保险人数']);
  await expect(f5.locator('thead tr').nth(1).locator('th')).toHaveText([
    '空挂户',
    '死亡',
    '出国',
    '合计',
    '县外市内参加居民医保（大学生医保）',
    '县外市内参加职工医保',
    '市外参加居民医保（大学生医保）',
    '市外参加职工医保',
    '参军',
    '服刑',
    '合计',
  ]);
  await screenshot(page, 'form-fujian5-1366');
  const p5 = await printed(page, 'form-fujian5');
  expect(p5).toHaveLength(1);
  expect(p5[0]).toContain('不在参保范围内人数');
});

test('a whole village’s household notices in one print: household-number order, head first, one per sheet or two per A4', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  const other = await call('villages.add', { code: '002', name: '团结村' });
  let n = 0;
  const person = async (householdId: number, name: string, relation: string, birth: string) =>
    call('roster.addPerson', { idNumber: id(`500235${birth}${String(100 + (n += 2)).padStart(3, '0')}`), name, householdId, relation });
  // Household 10 is made before 2, and its head is younger than his mother.
  const h10 = await call('roster.addHousehold', { villageId: v.id, number: '10' });
  await person(h10.id, '十号母', '母亲', '19400101');
  await person(h10.id, '十号户主', '户主', '19700101');
  const h2 = await call('roster.addHousehold', { villageId: v.id, number: '2' });
  await person(h2.id, '二号户主', '户主', '19600101');
  const h3 = await call('roster.addHousehold', { villageId: v.id, number: '3' });
  await person(h3.id, '三号户主', '户主', '19650101');
  const elsewhere = await call('roster.addHousehold', { villageId: other.id, number: '1' });
  await person(elsewhere.id, '别村户主', '户主', '19660101');
  call.seal();

  await page.clock.install({ time: new Date('2023-11-02T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '打印' }).click();
  await choose(page, '打印内容', '缴费通知单（整村或全乡镇批量）');
  await choose(page, '批量通知单的村（社区）', '幸福村');
  await page.getByRole('button', { name: '生成通知单' }).click();
  const batch = page.getByTestId('batch-notices');
  await expect(batch.getByTestId('household-notice')).toHaveCount(3);
  await expect(batch.getByTestId('household-notice').nth(0)).toContainText('户号：2');
  await expect(batch.getByTestId('household-notice').nth(1)).toContainText('户号：3');
  await expect(batch.getByTestId('household-notice').nth(2)).toContainText('户号：10');
  await expect(batch.getByTestId('household-notice').nth(2).locator('tbody tr').first()).toContainText('十号户主');
  await expect(page.getByRole('button', { name: '打印 3 户' })).toBeVisible();
  await screenshot(page, 'batch-notices-1366');
  const one = await printed(page, 'batch-notices-one');
  expect(one).toHaveLength(3);
  expect(one[2]).toContain('十号母');

  await choose(page, '每页户数', '每张 A4 两户（中间裁切线）');
  const two = await printed(page, 'batch-notices-two');
  expect(two).toHaveLength(2);
  expect(two[0]).toContain('户号：2');
  expect(two[0]).toContain('户号：3');

  // The whole township: the other village too.
  const villageSelect = page.locator('.ant-select', { has: page.getByLabel('批量通知单的村（社区）') });
  await villageSelect.hover();
  await villageSelect.locator('.ant-select-clear').click();
  // …as two print jobs, a village each, started one after another: the next offered once one is printed.
  await expect(page.getByTestId('batch-jobs')).toHaveText('共 4 户，分 2 批打印（每村一批，每批最多 500 户），每批的页码自成一套。');
  await page.getByRole('button', { name: '生成通知单（第 1 批）' }).click();
  await expect(batch.getByTestId('household-notice')).toHaveCount(3);
  await page.evaluate(() => (window.print = () => undefined));
  await page.getByRole('button', { name: /^打印 3 户/ }).click();
  await page.getByRole('button', { name: '下一批（第 2 批）' }).click();
  await page.getByRole('button', { name: '生成通知单（第 2 批）' }).click();
  await expect(batch.getByTestId('household-notice')).toHaveCount(1);
  await expect(batch.getByTestId('household-notice')).toContainText('别村户主');
});

test('the notice to the villages keeps its signature with its last section, and writes dates as 2023年10月24日', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  for (const [i, name] of ['农坝社区', '幸福村', '团结村', '双河村', '红岩村', '石门村', '青龙村'].entries()) {
    const v = await call('villages.add', { code: String(i + 1).padStart(3, '0'), name });
    await call('targets.set', { coverageYear: 2024, villageId: v.id, target: 1000 + i * 100 });
  }
  call.seal();
  await page.clock.install({ time: new Date('2023-10-24T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '打印' }).click();
  await choose(page, '打印内容', '致各村（社区）的参保工作通知');
  const notice = page.getByTestId('village-notice');
  await expect(notice).toContainText('（2023年10月24日）起至2023年12月31日');
  await expect(notice).not.toContainText('2023-10-24');
  const pages = await printed(page, 'village-notice-7');
  const last = pages.at(-1)!;
  expect(last).toContain('农坝镇社保所');
  expect(last).toContain('五、工作要求');
  for (const p of pages) expect(p.replace(/\s/g, '')).toMatch(/[。）\d]/);
});
