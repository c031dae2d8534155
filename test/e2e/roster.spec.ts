import { api, expect, id, screenshot, test } from './fixtures';


test('the clerk finds a person as she types, by initials or last digits, and sees categories and payments', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const zs = await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主', phone: '13812345678' });
  await call('roster.addPerson', { idNumber: id('50023519620808022'), name: '李梅', householdId: h.id, relation: '配偶' });
  await call('categories.certify', { personId: zs.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });
  await call('enroll.person', { personId: zs.id, coverageYear: 2024, paidOn: '2023-11-02', channel: '现金' });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  const box = page.getByLabel('搜索人员');
  await expect(box).toBeFocused();
  await box.fill('zs');
  await expect(page.getByRole('cell', { name: '张三' })).toBeVisible();
  await box.fill(id('50023519620808022').slice(-4));
  await expect(page.getByRole('cell', { name: '李梅' })).toBeVisible();
  await box.fill('张三');
  await box.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('城乡低保对象')).toBeVisible();
  await expect(drawer.getByText('民政局低保名单')).toBeVisible();
  await expect(drawer.getByText('342.00（民政局）')).toBeVisible();
  await expect(drawer.getByText('38.00', { exact: true })).toBeVisible();
  await screenshot(page, 'roster-person-1366');
});

test('the policy screen shows each policy’s subsidy table and the one in force', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '政策' }).click();
  await page.getByRole('combobox', { name: '2024年度政策' }).click();
  await page.getByTitle('重庆市云阳县农坝镇').click();
  await expect(page.getByText('本所使用中')).toBeVisible();
  await page.getByRole('cell', { name: '重庆市云阳县农坝镇' }).click();
  await expect(page.getByText('农坝镇2024年度城乡居民基本医疗保险筹资对照表')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '城乡低保对象' }).filter({ hasText: '一档' });
  await expect(row).toContainText('342.00');
  await expect(row).toContainText('38.00');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'policies-1920');
});
