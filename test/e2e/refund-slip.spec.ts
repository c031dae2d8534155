// 退费 (瑞州, issue 25): offered only where something is due, the 退费单 for the resident to sign
// on A4 and on the 241 mm form, and the row showing what the person paid net.
import { printedText as printed } from './pdf-words';
import { api, expect, id, screenshot, test } from './fixtures';

test('退费 only where something is due; the 退费单 previewed and printed on A4 and 241 mm; the row shows the net', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '瑞州街道', county: '高安市' });
  const v = await call('villages.add', { code: '001', name: '新街村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'jx-gaoan-ruizhou-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const yang = await call('roster.addPerson', { idNumber: id('36098319580301012'), name: '杨桂花', householdId: h.id, relation: '户主' });
  const wang = await call('roster.addPerson', { idNumber: id('36098319600402013'), name: '王建国', householdId: h.id, relation: '配偶' });
  for (const p of [yang, wang]) await call('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
  // 杨桂花 certified 低保 after paying, inside the centralized window: 320 is due back. 王建国: nothing.
  await call('categories.certify', { personId: yang.id, code: 'min_living', validFrom: '2023-12-01', source: '民政局低保名单' });
  call.seal();

  await page.clock.install({ time: new Date('2024-02-10T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  const search = page.getByLabel('搜索人员');
  await search.fill('王建国');
  await search.press('Enter');
  const drawer = page.getByRole('dialog').filter({ hasText: '参保缴费' });
  await expect(drawer.getByRole('button', { name: '作废', exact: true })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '退费', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await search.fill('杨桂花');
  await search.press('Enter');
  await drawer.getByRole('button', { name: '退费', exact: true }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '退费', exact: true }).click();

  // The slip opens at once, as it prints.
  const preview = page.getByRole('dialog', { name: '退费单（打印预览）' });
  const slip = preview.getByTestId('refund-slip');
  await expect(slip).toContainText('瑞州街道');
  await expect(slip).toContainText('城乡居民基本医疗保险退费单');
  await expect(slip).toContainText('个人已缴380.00 元');
  await expect(slip).toContainText('退费金额320.00 元，人民币（大写）叁佰贰拾元整');
  await expect(slip).toContainText('退费后实缴60.00 元');
  await expect(slip).toContainText('城乡低保对象');
  await expect(slip).toContainText('瑞州通知 三(二)');
  await expect(slip).toContainText('原收据号：2024000001');
  await expect(slip).toContainText('领款人签字');
  await expect(slip).toContainText('经办人');
  await expect(slip).toContainText('360983********');
  await preview.getByText('A4 纸').click();
  await screenshot(page, 'refund-slip-preview-1366');

  const a4 = await printed(page, 'refund-slip-a4');
  expect(a4.sizes).toEqual(['210 x 297 mm']);
  for (const words of ['退费单', '380.00', '320.00', '60.00', '叁佰贰拾元整', '领款人签字', '经办人']) expect(a4.pages[0]).toContain(words);
  expect(a4.pages[0]).not.toContain('花名册');
  expect(a4.pages[0]).not.toContain('打印退费单');

  await preview.getByText('241 mm 针式连续纸').click();
  await expect(slip).toHaveClass(/continuous/);
  const form = await printed(page, 'refund-slip-241');
  expect(form.sizes).toEqual(['241 x 140 mm']);
  expect(form.pages[0]).toContain('领款人签字');
  expect(form.pages[0]).toContain('320.00');
  await screenshot(page, 'refund-slip-241-1366');
  await preview.locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(preview).toBeHidden();

  // The row: what the person paid net, the refund beside it; no second 退费, the slip again on demand.
  await expect(drawer.getByTestId('net-paid')).toHaveText('60.00（已退 320.00）');
  await expect(drawer.getByText('已退费 320.00')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '退费', exact: true })).toHaveCount(0);
  await screenshot(page, 'refund-row-net-1366');
  await drawer.getByRole('button', { name: '退费单' }).click();
  await expect(preview.getByTestId('refund-slip')).toContainText('退费后实缴60.00 元');
});
