// Keys that do what they say (issue 26, part 1): Enter on a focused button does that button's
// work and nothing else; the desk's own Enter runs its step only from the step's field or the
// page. Keyboard alone; window.print stubbed and counted.
import { api, expect, id, test, type ApiHelper } from './fixtures';

/** 农坝镇 on its 2024 policy, one household with one 张三, or two who share the name. */
async function seedOffice(call: ApiHelper, zhangs: 1 | 2): Promise<void> {
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主' });
  if (zhangs === 2) await call('roster.addPerson', { idNumber: id('50023519700601013'), name: '张三', householdId: h.id, relation: '兄弟' });
  call.seal();
}

test('Enter on 重新计算 only re-quotes, never saves; Enter on 打印凭证 prints', async ({ page, host, request }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await seedOffice(await api(request, host.url), 1);

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await page.getByLabel('查找参保人').fill('张三');
  await expect(page.getByText('张三，')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '下一步（回车）' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /选择一档/ }).focus();
  await page.keyboard.press('Enter');
  const save = page.getByRole('button', { name: '保存并出具凭证（回车）' });

  // Enter on 重新计算: the amount is computed again, and nothing is saved.
  // The day typed is taken with Enter, as a clerk does (a picker left open drops what was typed).
  await page.getByLabel('缴费日期').fill('2023-11-05');
  await page.getByLabel('缴费日期').press('Enter');
  await page.getByRole('button', { name: '重新计算', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('待遇期 2024-01-01 至 2024-12-31')).toBeVisible();
  await expect(save).toBeVisible();
  await expect(page.getByRole('button', { name: '打印凭证' })).toHaveCount(0);

  // Enter on the save button saves once; then Enter on 打印凭证 prints, and the step stays.
  await save.focus();
  await page.keyboard.press('Enter');
  const print = page.getByRole('button', { name: '打印凭证' });
  await expect(print).toBeVisible();
  await print.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(print).toBeVisible();
});

test('↑/↓ choose among matches and Enter takes the chosen one; F4 and F2 reach the screens, F2 asking before dropping a payment', async ({
  page,
  host,
  request,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedOffice(await api(request, host.url), 2);

  await page.goto(host.url);
  // The screens' keys work once the screens are drawn (the login page's file comes first).
  await expect(page.getByRole('menuitem', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('F2');
  const box = page.getByLabel('查找参保人');
  await expect(box).toBeFocused();
  await box.fill('张三');
  await expect(page.locator('[data-chosen]')).toContainText('张三');
  await expect(page.getByText(/^张三，/)).toHaveCount(2);
  const second = (await page
    .getByText(/^张三，/)
    .nth(1)
    .textContent())!;
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-chosen]')).toHaveText(second);
  await expect(box).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '下一步（回车）' })).toBeVisible();
  await expect(page.getByText(second.split('，')[1]!).first()).toBeVisible();

  // Midway through a payment a screen key asks first: 继续登记 keeps the person, 放弃 goes.
  await page.keyboard.press('F2');
  const ask = page.getByRole('dialog');
  await expect(ask).toContainText('放弃正在登记的这一位？');
  // By key, not by a click: a click landing while the dialog still zooms in can miss its button.
  await ask.getByRole('button', { name: /继续登记/ }).press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('button', { name: '下一步（回车）' })).toBeVisible();
  await page.keyboard.press('F4');
  await expect(ask).toContainText('放弃正在登记的这一位？');
  await ask.getByRole('button', { name: /放\s?弃/ }).press('Enter');
  await expect(page.getByLabel('搜索人员')).toBeVisible();
});
