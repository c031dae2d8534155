// The second season at the desk (issue 17): 酉阳 2025 reads the years before from the ledger,
// says how, and takes the clerk's word over it; the admin says a year's records are all in.
import { api, choose, expect, id, quoteAtDesk, screenshot, test } from './fixtures';

test('the desk shows how a lapse was read from the years before, and the clerk may type over it', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '花田村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-youyang-2024' });
  await call('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2025' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const jia = await call('roster.addPerson', { idNumber: id('50024219600501011'), name: '续保甲', householdId: h.id, relation: '户主' });
  await call('roster.addPerson', { idNumber: id('50024219620301012'), name: '断保乙', householdId: h.id, relation: '配偶' });
  await call('enroll.person', { personId: jia.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-05', channel: '现金' });
  call.seal();

  // The admin says the office holds every 2024 record: a person without one lapsed in 2024.
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '政策' }).click();
  const years = page.getByTestId('years-card');
  const row2024 = years.getByRole('row', { name: /^2024\s*重庆市酉阳土家族苗族自治县 2024 年度（酉阳医保发〔2023〕52号）\s*未知/ });
  await expect(row2024).toBeVisible();
  await row2024.getByRole('button', { name: '标记2024年度记录齐全' }).click();
  await page.getByRole('button', { name: /标记（1 人按未参保）/ }).click();
  await expect(years.getByRole('row', { name: /^2024\s*重庆市酉阳土家族苗族自治县 2024 年度（酉阳医保发〔2023〕52号）\s*已知：本所已标记/ })).toBeVisible();
  await screenshot(page, 'policies-years-1366');
  // What the 2025 notice changed, opened on the office's two years.
  const compare = page.getByTestId('policy-compare');
  await expect(
    compare.getByRole('row', { name: /缴费标准\s*一档个人缴费标准\s*380 元\s*酉阳医保发〔2023〕52号 二\(一\)\s*400 元\s*酉阳医保发〔2024〕37号 二\(一\)/ }),
  ).toBeVisible();
  await compare.getByText('等待期（3）').click();
  await expect(compare.getByRole('row', { name: /等待期\s*断保人员待遇等待期\s*未规定\s*3 个月，每多断保 1 年加 1 个月/ })).toBeVisible();
  await compare.getByText('缴费时段（4）').click();
  await expect(compare.getByRole('row', { name: /集中参保期/ })).toBeVisible();
  await expect(compare.getByRole('row', { name: /1月1日至2月28日/ })).toHaveCount(0);
  await compare.scrollIntoViewIfNeeded();
  await screenshot(page, 'policies-compare-1366');
  await page.screenshot({ path: 'test/artifacts/screenshots/policies-compare-view-1366.png' });

  await quoteAtDesk(page, { name: '断保乙', year: '2025 年度', paidOn: '2024-10-10' });
  const history = page.getByTestId('quote-history');
  await expect(history.getByTestId('quote-history-text')).toHaveText('2023 情况不明、2024 未参保：至少断保 1 年，待遇等待期 3 个月');
  await expect(history.getByTestId('year-2024')).toHaveText('2024 未参保');
  await expect(page.getByText('待遇期 2025-01-10 至 2025-12-31')).toBeVisible();
  await expect(page.getByText('2023 年及以前是否参保不明，按已知的断保 1 年计算；更早的年份如也断保，等待期还要增加。')).toBeVisible();
  await screenshot(page, 'desk-history-lapse-1366');

  // She paid in 2024 in another county: the clerk types 0, and Enter in the box quotes again, not saves.
  await history.getByLabel('断保年数').fill('0');
  await history.getByLabel('断保年数').press('Enter');
  await expect(history.getByTestId('quote-history-text')).toHaveText('2023 情况不明、2024 未参保：至少断保 1 年（参保记录推算），断保年数按经办人填写：0 年');
  await expect(page.getByText('待遇期 2025-01-01 至 2025-12-31')).toBeVisible();
  await page.getByRole('button', { name: '保存并出具凭证（回车）' }).click();
  await expect(page.getByRole('button', { name: '打印凭证' })).toBeVisible();

  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByLabel('搜索人员').fill('续保甲');
  await page.getByLabel('搜索人员').press('Enter');
  const row = page.getByTestId('year-row');
  await expect(row.getByTestId('year-2024')).toHaveText('2024 已参保');
  await expect(row.getByTestId('year-2023')).toHaveText('2023 情况不明');
  await screenshot(page, 'person-year-row-1366');
  await page.keyboard.press('Escape');

  // 断保乙 was in 职工医保 elsewhere in 2024: the clerk records it for that year from the drawer.
  await page.getByLabel('搜索人员').fill('断保乙');
  await page.getByLabel('搜索人员').press('Enter');
  await expect(row.getByTestId('year-2024')).toHaveText('2024 未参保');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '登记「断保乙」在外参保的情况' });
  await choose(page, '在外参保的年度', '2024 年度');
  await choose(page, '县外参保', '县外市内参加职工医保');
  await dialog.getByLabel('现参保地').fill('重庆市渝中区');
  await screenshot(page, 'person-elsewhere-1366');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(row.getByTestId('year-2024')).toHaveText('2024 已参保');
});

test('瑞州 after 03-31: a veteran discharged within 3 months is quoted once the desk has the discharge day', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '瑞州社区' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'jx-gaoan-ruizhou-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  await call('roster.addPerson', { idNumber: id('36098319980301011'), name: '退伍甲', householdId: h.id, relation: '户主' });
  call.seal();

  await page.goto(host.url);
  // 瑞州 has one tier: the desk offers no other.
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await page.getByLabel('查找参保人').fill('退伍甲');
  await expect(page.getByText(/^退伍甲，/)).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '下一步（回车）' }).click();
  await expect(page.getByTestId('tier-2')).toHaveCount(0);
  await quoteAtDesk(page, { name: '退伍甲', paidOn: '2024-04-09' });
  await expect(page.getByText('2024 年度最迟缴费日期为 2024-03-31，之后不能再参加本年度居民医保。')).toBeVisible();
  const facts = page.getByTestId('desk-facts');
  await facts.getByLabel('退出现役日期').fill('2024-01-09');
  await facts.getByLabel('退出现役日期').press('Enter');
  await facts.getByRole('button', { name: '按此重新计算' }).click();
  await expect(page.getByText('待遇期 2024-04-10 至 2024-12-31')).toBeVisible();
  await screenshot(page, 'desk-discharged-1366');
});
