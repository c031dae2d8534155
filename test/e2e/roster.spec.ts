import fs from 'node:fs';
import { api, choose, expect, id, screenshot, test, fileInput } from './fixtures';

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
  await expect(drawer.getByRole('cell', { name: '城乡低保对象', exact: true })).toBeVisible();
  await expect(drawer.getByRole('cell', { name: '民政局低保名单', exact: true })).toBeVisible();
  await expect(drawer.getByText('342.00（民政局）')).toBeVisible();
  await expect(drawer.getByText('38.00', { exact: true })).toBeVisible();
  await screenshot(page, 'roster-person-1366');
});

test('the policy screen shows each policy’s subsidy table and the one in force', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '政策' }).click();
  await choose(page, '2024年度政策', '重庆市云阳县农坝镇 2024 年度（农坝府发〔2023〕42号）');
  await expect(page.getByText('本所使用中')).toBeVisible();
  await page.getByTestId('policy-files').getByRole('cell', { name: '重庆市云阳县农坝镇' }).click();
  await expect(page.getByText('农坝镇2024年度城乡居民基本医疗保险筹资对照表')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '城乡低保对象' }).filter({ hasText: '一档' });
  await expect(row).toContainText('342.00');
  await expect(row).toContainText('38.00');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'policies-1920');

  // Next year's notice as a file: a mistake is named plainly, the corrected file goes in.
  const good = fs
    .readFileSync('resources/policies/cq-yunyang-nongba-2024.yaml', 'utf8')
    .replace('id: cq-yunyang-nongba-2024', 'id: cq-yunyang-nongba-2024b')
    .replace('region: 重庆市云阳县农坝镇', 'region: 重庆市云阳县农坝镇（修订）');
  const upload = (name: string, text: string) => fileInput(page).setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await upload('农坝2024修订.yaml', good.replace('    cite: 农坝府发〔2023〕42号 二(1)\n', ''));
  await expect(page.getByRole('alert')).toContainText('农坝2024修订.yaml：windows.centralized.cite：缺少出处');
  await upload('农坝2024修订.yaml', good);
  await expect(page.getByText('已导入「重庆市云阳县农坝镇（修订） 2024 年度（农坝府发〔2023〕42号）」')).toBeVisible();
  await expect(page.getByTestId('policy-files').getByRole('cell', { name: '重庆市云阳县农坝镇（修订）' })).toBeVisible();
});

test('a villager not yet on the roster is registered at the desk: the ID checked as typed, a new household made, then marked deceased', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  await call('villages.add', { code: '001', name: '幸福村' });
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByRole('button', { name: '登记新人员' }).click();
  const idBox = page.getByLabel('新人员身份证号');
  const good = id('50023519850203022');
  await idBox.fill(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
  await expect(page.getByTestId('id-help')).toContainText('校验位不对');
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
  await idBox.fill(good);
  await expect(page.getByTestId('id-help')).toHaveText('出生日期 1985-02-03，女');
  await page.getByLabel('新人员姓名').fill('王芳');
  await choose(page, '新人员村', '幸福村');
  await page.getByLabel('新人员户号').fill('0009');
  await page.getByLabel('新人员户号').press('Tab');
  await expect(page.getByText('新户号：保存时建立新的家庭户')).toBeVisible();
  await page.getByLabel('新人员与户主关系').fill('户主');
  await page.getByLabel('新人员与户主关系').press('Tab');
  await screenshot(page, 'roster-new-person-1366');
  await page.getByRole('button', { name: '保存', exact: true }).click();

  const drawer = page.getByRole('dialog', { name: `王芳（${good}）` });
  await expect(drawer).toContainText('1985-02-03');
  await expect(drawer).toContainText('0009');
  await drawer.getByRole('button', { name: /^变 ?更$/ }).click();
  await choose(page, '人员状态', '死亡');
  await page.getByLabel('状态日期').fill('2023-10-05');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer).toContainText('死亡（2023-10-05）');

  // The same number again is named as already registered.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '登记新人员' }).click();
  await page.getByLabel('新人员身份证号').fill(good);
  await expect(page.getByTestId('id-help')).toHaveText('已登记为「王芳」（幸福村 户号 0009）');
});
