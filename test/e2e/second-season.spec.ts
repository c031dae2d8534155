// Two seasons (issue 17): an office on 酉阳 2024 enrolls at the desk and takes 税务's 2024 payments
// and 医保's history; it then starts 2025 from the 政策 screen, and the desk quotes each person
// from the years before without a word typed; 工作台's new lists name the right people.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, choose, expect, id, quoteAtDesk, screenshot, test, fileInput, shownScreen } from './fixtures';
import { writeCsv } from '../helpers/files';

const JIA = id('50024219600501011'); // enrolled at the desk in 2024
const YI = id('50024219620301012'); // on the roster, no 2024 record
const BING = id('50024219850707013'); // paid 2024 online: 税务's file
const DING = id('50024219880202014'); // 医保: 2023 未参保
const WU = id('50024220240801015'); // born 2024-08-01, not enrolled for 2024: past its 90 days on 12-31, so 2024 counts

/** The desk, 2025, the person found and quoted on a day of the 2025 window. */
const quote2025 = (page: Page, name: string) => quoteAtDesk(page, { name, year: '2025 年度', paidOn: '2024-10-10' });

test('an office moves from 酉阳 2024 to 2025, and the history decides who waits', async ({ page, host, request }) => {
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-season-'));
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '花田村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-youyang-2024' });
  await call('targets.set', { coverageYear: 2024, villageId: v.id, target: 5 });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  for (const [idNumber, name, relation] of [
    [JIA, '续保甲', '户主'],
    [YI, '未缴乙', '配偶'],
    [BING, '网缴丙', '子'],
    [DING, '断保丁', '儿媳'],
    [WU, '新生戊', '孙子'],
  ] as const)
    await call('roster.addPerson', { idNumber, name, householdId: h.id, relation });
  call.seal();
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();

  // 2024 at the desk: 续保甲 pays in the centralized window.
  await page.goto(host.url);
  await quoteAtDesk(page, { name: '续保甲', paidOn: '2023-11-05' });
  await page.getByRole('button', { name: '保存并出具凭证（回车）' }).click();
  await expect(page.getByRole('button', { name: '打印凭证' })).toBeVisible();

  // 税务's 2024 payments (网缴丙 paid online), then 医保's history for 断保丁.
  await menu('导入导出');
  await choose(page, '导入内容', '缴费记录');
  await fileInput(page).setInputFiles(
    writeCsv(
      path.join(files, '税务2024缴费.csv'),
      [
        ['证件号码', '姓名', '费款所属期', '缴费档次', '缴费金额', '缴费日期', '缴费渠道'],
        [BING, '网缴丙', '2024', '一档', '380', '2023-11-06', '微信'],
      ],
      'gb18030',
    ),
  );
  await expect(page.getByTestId('import-counts')).toContainText('记入参保1');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await choose(page, '导入内容', '医保参保核实名单');
  await fileInput(page).setInputFiles(
    writeCsv(path.join(files, '参保状态.csv'), [
      ['身份证号', '年度', '参保状态', '参保类型'],
      [DING, '2023', '未参保', '城乡居民基本医疗保险'],
      [DING, '2022', '参保缴费', '城乡居民基本医疗保险'],
    ]),
  );
  await expect(page.getByTestId('import-counts')).toContainText('年度参保记录2');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // 工作台 says the 2025 file is in; the new season starts from 政策, with last year's targets.
  await menu('工作台');
  await expect(page.getByTestId('new-season-banner')).toContainText(
    '2025 年度的政策文件已有，还没有选用：重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号），集中参保期 2024-09-13 至 2024-12-31。',
  );
  await menu('政策');
  const season = page.getByTestId('new-season');
  await expect(season).toContainText('已有本地区的政策文件：重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号）');
  await season.getByRole('button', { name: '选用', exact: true }).click();
  await expect(season).toContainText('已选用 重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号），集中参保期 2024-09-13 至 2024-12-31');
  await season.getByRole('button', { name: /沿用 2024 年度任务数（1 个村，合计 5 人）/ }).click();
  await expect(season).toContainText('已设 1 个村（社区），合计 5 人');
  await screenshot(page, 'season-new-year-1366');
  await expect(page.getByTestId('policy-compare')).toContainText('2024 年度 → 2025 年度');
  // A one-row 税务 file is no full list: the office marks 2024 complete, told first how many it turns.
  const row2024 = page.getByTestId('years-card').getByRole('row', { name: /^2024/ });
  await expect(row2024).toContainText('未知');
  await row2024.getByRole('button', { name: '标记2024年度记录齐全' }).click();
  await page.getByRole('button', { name: /标记（3 人按未参保）/ }).click();
  await expect(row2024).toContainText('已知：本所已标记 2024 年度参保记录齐全');

  // 2025 at the desk, nothing typed: continuous, lapsed 1 (at least), lapsed 2, a newborn.
  const text = page.getByTestId('quote-history-text');
  await quote2025(page, '续保甲');
  await expect(text).toHaveText('2023 情况不明、2024 已参保：至少连续参保 1 年');
  await expect(page.getByText('待遇期 2025-01-01 至 2025-12-31')).toBeVisible();
  await quote2025(page, '网缴丙');
  await expect(page.getByText('待遇期 2025-01-01 至 2025-12-31')).toBeVisible();
  await quote2025(page, '未缴乙');
  await expect(text).toHaveText('2023 情况不明、2024 未参保：至少断保 1 年，待遇等待期 3 个月');
  await expect(page.getByText('待遇期 2025-01-10 至 2025-12-31')).toBeVisible();
  await quote2025(page, '断保丁');
  await expect(text).toHaveText('2022 已参保、2023 未参保、2024 未参保：断保 2 年，待遇等待期 4 个月');
  await expect(page.getByTestId('quote-history-citation')).toContainText('依据：酉阳医保发〔2024〕37号 三(二)');
  await expect(page.getByText('待遇期 2025-02-10 至 2025-12-31')).toBeVisible();
  await screenshot(page, 'season-desk-lapsed-2-1366');
  // Paying within its 90 days of birth, the child waits for nothing (酉阳 2025's 特殊群体), though 2024 reads as a lapse.
  await quote2025(page, '新生戊');
  await expect(text).toHaveText('2024 未参保：断保 1 年');
  await expect(page.getByText('待遇期 2025-01-01 至 2025-12-31')).toBeVisible();

  // 工作台 2025: the village chases those insured last year first.
  await menu('工作台');
  await choose(page, '参保年度', '2025 年度');
  await page.getByRole('button', { name: '去年参保、今年未参保' }).click();
  const list = shownScreen(page).locator('.ant-table').last();
  await expect(list).toContainText('共 2 人');
  await expect(list.getByRole('row', { name: /续保甲/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /网缴丙/ })).toBeVisible();
  await page.getByRole('button', { name: '去年也未参保' }).click();
  await expect(list).toContainText('共 3 人');
  await screenshot(page, 'season-worklist-1366');
  fs.rmSync(files, { recursive: true, force: true });
});
