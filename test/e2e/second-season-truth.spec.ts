// The second season says only what the ledger knows (issue 25): a new 酉阳 office takes a
// department's 代缴明细 for 2024, which leaves 2024 unknown for everyone it does not name; then
// 税务's full 缴费明细, which the clerk confirms in the dry run as the township's full list, makes
// 2024 known. 政策 shows how the year became known, and 工作台 counts the unknown apart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, choose, expect, id, quoteAtDesk, screenshot, test, fileInput, shownScreen } from './fixtures';
import { writeCsv } from '../helpers/files';

const JIA = id('50024219600501011'); // enrolled at the desk in 2024
const YI = id('50024219620301012'); // on the roster, no 2024 record anywhere
const BING = id('50024219850707013'); // 低保: the department paid for 2024
const NEIGHBOURS = Array.from({ length: 10 }, (_, i) => id(`500242197${i}0401${String(21 + 2 * i).padStart(3, '0')}`));

const quote2025 = (page: Page, name: string) => quoteAtDesk(page, { name, year: '2025 年度', paidOn: '2024-10-10' });

test('a 代缴明细 leaves 2024 unknown; the confirmed full list makes it known, and 政策 says how', async ({ page, host, request }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-truth-'));
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '花田村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-youyang-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  for (const [idNumber, name, relation] of [
    [JIA, '续保甲', '户主'],
    [YI, '未缴乙', '配偶'],
    [BING, '低保丙', '子'],
  ] as const)
    await call('roster.addPerson', { idNumber, name, householdId: h.id, relation });
  const h2 = await call('roster.addHousehold', { villageId: v.id, number: '0002' });
  for (const [i, idNumber] of NEIGHBOURS.entries()) await call('roster.addPerson', { idNumber, name: `邻居${i + 1}`, householdId: h2.id });
  await call('enroll.person', {
    personId: (await call('roster.search', { q: '续保甲' }))[0]!.id,
    coverageYear: 2024,
    tier: 1,
    paidOn: '2023-11-05',
    channel: '现金',
  });
  await call('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2025' });
  call.seal();
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();
  await page.goto(host.url);

  // 民政's 代缴明细 for 2024: one person. The dry run names the year and says it is no full list.
  await menu('导入导出');
  await choose(page, '导入内容', '缴费记录');
  await fileInput(page).setInputFiles(
    writeCsv(path.join(files, '代缴明细2024.csv'), [
      ['证件号码', '姓名', '费款所属期', '代缴类别', '代缴金额', '缴费日期'],
      [BING, '低保丙', '2024', '低保对象', '342', '2023-11-06'],
    ]),
  );
  const years = page.getByTestId('file-years');
  await expect(years.getByRole('row', { name: /2024.*不是全部名单：代缴明细、请款明细只列部门代缴的人员/ })).toBeVisible();
  await expect(years).toContainText('2024 年度只有 1 人（台账共 13 人），可能是参保年度填错。');
  await expect(years.getByRole('checkbox')).toHaveCount(0);
  await screenshot(page, 'truth-daijiao-dry-run-1366');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // The desk: 未缴乙 is not in the 代缴明细, and 2024 is still unknown for him.
  const text = page.getByTestId('quote-history-text');
  await quote2025(page, '未缴乙');
  await expect(text).toHaveText('2024 情况不明：无法判断是否断保');
  await expect(page.getByText('待遇期 2025-01-01 至 2025-12-31')).toBeVisible();
  await expect(page.getByText(/2024 年是否参保不明（未取得该年度本乡镇的全部参保名单/)).toBeVisible();
  await screenshot(page, 'truth-desk-2024-unknown-1366');

  // 工作台 2025: 未缴乙 counts under 去年情况不明, not under 去年也未参保.
  await menu('工作台');
  await choose(page, '参保年度', '2025 年度');
  await page.getByRole('button', { name: '去年情况不明' }).click();
  const list = shownScreen(page).locator('.ant-table').last();
  await expect(list).toContainText('共 11 人');
  await expect(list.getByRole('row', { name: /未缴乙/ })).toBeVisible();
  await page.getByRole('button', { name: '去年也未参保' }).click();
  await expect(list).toContainText('共 0 人');
  await screenshot(page, 'truth-dashboard-unknown-1366');

  // 税务's 缴费明细 of the whole township: the clerk confirms it as the full list of 2024.
  await menu('导入导出');
  await choose(page, '导入内容', '缴费记录');
  await fileInput(page).setInputFiles(
    writeCsv(
      path.join(files, '税务2024缴费明细.csv'),
      [
        ['证件号码', '姓名', '费款所属期', '缴费档次', '缴费金额', '缴费日期', '缴费渠道'],
        ...NEIGHBOURS.map((n, i) => [n, `邻居${i + 1}`, '2024', '一档', '380', '2023-11-07', '微信']),
        [BING, '低保丙', '2024', '一档', '38', '2023-11-06', '代缴'],
      ],
      'gb18030',
    ),
  );
  await expect(years.getByRole('row', { name: /2024\s*11\s*11/ })).toBeVisible();
  await years.getByRole('checkbox', { name: '2024年度全部名单' }).check();
  await screenshot(page, 'truth-full-list-dry-run-1366');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // Now 2024 is known: 未缴乙 waits 3 months, warned that he may be insured elsewhere.
  await quote2025(page, '未缴乙');
  await expect(text).toHaveText('2023 情况不明、2024 未参保：至少断保 1 年，待遇等待期 3 个月');
  await expect(page.getByText('待遇期 2025-01-10 至 2025-12-31')).toBeVisible();
  await expect(page.getByText(/2024 年未见参保记录.*职工医保或县外参保/)).toBeVisible();
  await screenshot(page, 'truth-desk-2024-known-1366');

  // 政策 names the import that made 2024 known; withdrawn, the year is unknown again.
  await menu('政策');
  const card = page.getByTestId('years-card');
  const row2024 = card.getByRole('row', { name: /^2024/ });
  await expect(row2024).toContainText('已知：已导入本乡镇 2024 年度全部参保名单（税务2024缴费明细.csv）');
  await expect(row2024.getByTestId('known-way')).toContainText('导入全部名单「税务2024缴费明细.csv」');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'truth-policy-years-1366');
  await row2024.getByRole('button', { name: '撤回', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤回', exact: true }).click();
  await expect(row2024).toContainText('未知：没有参保记录的人按情况不明');
  await expect(row2024.getByTestId('known-way')).toContainText('撤回');

  // The office's mark instead: it says first how many it turns into 未参保.
  await row2024.getByRole('button', { name: '标记2024年度记录齐全' }).click();
  await expect(page.getByText(/2024 年度台账中没有参保记录的 1 人都按“未参保”计算/)).toBeVisible();
  await screenshot(page, 'truth-mark-confirm-1366');
  await page.getByRole('button', { name: /标记（1 人按未参保）/ }).click();
  await expect(row2024).toContainText('已知：本所已标记 2024 年度参保记录齐全');
  fs.rmSync(files, { recursive: true, force: true });
});
