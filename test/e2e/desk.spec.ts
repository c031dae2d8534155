import { api, choose, expect, id, screenshot, test } from './fixtures';

test('工作台 on a fresh install says which policy to choose first, not that the windows are over', async ({ page, host, request }) => {
  await page.goto(host.url);
  const card = page.getByTestId('window-card');
  await expect(card).toContainText('尚未选择政策');
  await expect(card).toContainText('请先在「政策」中选择');
  await expect(card).not.toContainText('已全部结束');
  await screenshot(page, 'dashboard-no-policy-1366');
  const call = await api(request, host.url);
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  await page.reload();
  await expect(page.getByTestId('window-card')).not.toContainText('尚未选择政策');
});

test('a void without a reason is refused inside its dialog; the menu item starts 参保登记 afresh', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const zs = await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主' });
  await call('enroll.person', { personId: zs.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByLabel('搜索人员').fill('张三');
  await page.getByLabel('搜索人员').press('Enter');
  await page.getByRole('button', { name: '作废', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /作废收据/ });
  await dialog.getByLabel('作废原因').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('原因');
  await screenshot(page, 'void-no-reason-1366');
  await dialog.getByLabel('作废原因').fill('档次选错');
  await dialog.getByLabel('作废原因').press('Enter');
  await expect(page.getByText('已作废：档次选错')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await page.getByLabel('查找参保人').fill('张三');
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await expect(page.getByLabel('查找参保人')).toHaveValue('');
});

test('零申报: the clerk selects those filed with 税务 and marks them on a date; the list and the tile follow', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const ids: number[] = [];
  for (const [name, first17] of [
    ['特困甲', '50023519500101001'],
    ['特困乙', '50023519500202002'],
  ] as const) {
    const p = await call('roster.addPerson', { idNumber: id(first17), name, householdId: h.id, relation: name === '特困甲' ? '户主' : '配偶' });
    await call('categories.certify', { personId: p.id, code: 'destitute', validFrom: '2023-01-01', source: '特困名单' });
    ids.push((await call('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: '2023-11-02', channel: '零申报' })).id);
  }

  await page.goto(host.url);
  const tile = page.getByRole('button', { name: '全额资助未零申报' });
  await expect(tile).toContainText('2');
  await tile.click();
  await expect(page.getByText('共 2 人未零申报')).toBeVisible();
  await page
    .getByRole('row', { name: /特困甲/ })
    .getByRole('checkbox')
    .check();
  await page.getByLabel('零申报日期').fill('2023-11-05');
  await page.getByLabel('零申报日期').press('Enter');
  await page.getByRole('button', { name: /标记为已零申报（1 人）/ }).click();
  await expect(page.getByText('已把 1 人标记为 2023-11-05 零申报。')).toBeVisible();
  await expect(page.getByText('共 1 人未零申报')).toBeVisible();
  await expect(tile).toContainText('1');
  await screenshot(page, 'zero-declarations-1366');
  const first = await call('enroll.get', { id: ids[0]! });
  expect(first.declaredOn).toBe('2023-11-05');
  // All of the rest at once, from the header's checkbox.
  await page.getByRole('columnheader').getByRole('checkbox').check();
  await page.getByRole('button', { name: /标记为已零申报（1 人）/ }).click();
  await expect(page.getByText('全额资助的参保人都已零申报。')).toBeVisible();
  await expect(tile).toContainText('0');
});

test('the desk says a person has paid before the cash is taken; another place’s policy is confirmed first', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const zs = await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主' });
  const e = await call('enroll.person', { personId: zs.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '微信' });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await page.getByLabel('查找参保人').fill('张三');
  await expect(page.getByText('张三，')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('already-enrolled')).toContainText(`收据号 ${e.receiptNo}，2023-11-02 缴费 380.00 元（微信）`);
  await expect(page.getByRole('button', { name: '下一步（回车）' })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tier-1')).toHaveCount(0);
  await screenshot(page, 'enroll-already-paid-1366');

  await page.getByRole('menuitem', { name: '政策' }).click();
  await choose(page, '2024年度政策', '江西省高安市瑞州街道 2024 年度（宜医保字〔2023〕25号）');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('现用「重庆市云阳县农坝镇 2024 年度（农坝府发〔2023〕42号）」');
  await expect(confirm).toContainText('这份政策不是本所（云阳县农坝镇）的');
  await screenshot(page, 'policy-change-confirm-1366');
  await confirm.getByRole('button', { name: '取消', exact: true }).click();
  await expect(page.getByRole('combobox', { name: '2024年度政策' }).locator('..')).toContainText('重庆市云阳县农坝镇');
});
