// 全户参保 late in 酉阳 2025: a member whose benefits would start next year is named on the
// screen, and the money is taken only once the clerk says the household was told, as at the
// one-person desk (docs/rules.md "A wait past 31 December").
import { api, choose, expect, id, screenshot, test, shownScreen } from './fixtures';

test('全户参保 asks before taking money from a member whose benefits start next year', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '花田村' });
  await call('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2025' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0007' });
  await call('roster.addPerson', { idNumber: id('50024219700501011'), name: '户主甲', householdId: h.id, relation: '户主' });
  const yi = await call('roster.addPerson', { idNumber: id('50024219720301022'), name: '低收入乙', householdId: h.id, relation: '配偶' });
  await call('categories.certify', { personId: yi.id, code: 'low_income_rural', validFrom: '2024-01-01', source: '民政名单' });

  await page.clock.install({ time: new Date('2025-11-15T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await choose(page, '参保年度', '2025 年度');
  await page.getByLabel('查找参保人').fill('户主甲');
  await expect(page.getByText(/^户主甲，/)).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '全户参保' }).click();

  const table = shownScreen(page).locator('.ant-table');
  await expect(table.getByRole('row', { name: /户主甲/ })).toContainText('本年度不能享受待遇');
  await expect(table.getByRole('row', { name: /低收入乙/ })).not.toContainText('本年度不能享受待遇');
  await page.getByRole('button', { name: '保存全户并出具凭证' }).click();
  const ask = page.getByRole('dialog', { name: '缴费后本年度内不能享受待遇' });
  await expect(ask.getByTestId('household-late')).toContainText(/户主甲：按规定 2026-\d\d-\d\d 才能开始享受待遇/);
  await expect(ask.getByTestId('household-late')).not.toContainText('低收入乙');
  await screenshot(page, 'household-late-benefit-1366');
  await ask.getByRole('button', { name: '不登记' }).click();
  await expect(page.getByTestId('household-result')).toHaveCount(0);

  await page.getByRole('button', { name: '保存全户并出具凭证' }).click();
  await page.getByRole('dialog', { name: '缴费后本年度内不能享受待遇' }).getByRole('button', { name: '已说明，仍登记' }).click();
  await expect(page.getByTestId('household-result')).toContainText('已登记 2 人');
});
