// A clerk with the keyboard alone (issue 26): one person, then a whole household, each with its
// receipt printed, at 1366×768 and at 1024×768. No mouse event reaches the page; window.print is
// stubbed and counted.
import type { Page } from '@playwright/test';
import { api, expect, id, screenshot, test } from './fixtures';

type Counted = { printed: number; pointed: number };
const counts = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { counted: Counted }).counted }));

/** Tab (or Shift+Tab) until `name` has the focus, at most 8 presses: the order is part of the test. */
async function tabTo(page: Page, name: RegExp, back = false): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return `${a?.getAttribute('aria-label') ?? ''}|${a?.textContent ?? ''}`;
    });
    if (name.test(here)) return;
  }
  throw new Error(`${name} not reached by ${back ? 'Shift+Tab' : 'Tab'}`);
}

for (const [width, height] of [
  [1366, 768],
  [1024, 768],
] as const) {
  test(`a person and a household enrolled, and their receipts printed, by keyboard alone at ${width}×${height}`, async ({ page, host, request }) => {
    await page.setViewportSize({ width, height });
    await page.addInitScript(() => {
      const counted = { printed: 0, pointed: 0 };
      (window as unknown as { counted: typeof counted }).counted = counted;
      window.print = () => void (counted.printed += 1);
      for (const type of ['pointerdown', 'mousedown'] as const) window.addEventListener(type, () => void (counted.pointed += 1), true);
    });
    const call = await api(request, host.url);
    await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const v = await call('villages.add', { code: '001', name: '幸福村' });
    await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const one = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
    await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: one.id, relation: '户主' });
    const two = await call('roster.addHousehold', { villageId: v.id, number: '0002' });
    await call('roster.addPerson', { idNumber: id('50023519700601013'), name: '李四', householdId: two.id, relation: '户主' });
    await call('roster.addPerson', { idNumber: id('50023519720301012'), name: '王芳', householdId: two.id, relation: '配偶' });
    call.seal();

    await page.goto(host.url);
    // After the screen loads the focus is in its first field; F2 reaches the desk's search box.
    await expect(page.getByLabel('参保年度')).toBeFocused();
    await page.keyboard.press('F2');
    const box = page.getByLabel('查找参保人');
    await expect(box).toBeFocused();
    await page.keyboard.type('张三');
    await expect(page.locator('[data-chosen]')).toContainText('张三');
    await page.keyboard.press('Enter');

    const next = page.getByRole('button', { name: '下一步（回车）' });
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');

    // The tiers are a radio group: 2 and ← choose, Enter moves on with the chosen one.
    const tiers = page.getByRole('radiogroup', { name: '档次' });
    await expect(tiers.getByRole('radio', { checked: true })).toBeFocused();
    await page.keyboard.press('2');
    await expect(tiers.getByRole('radio', { name: /^二档/ })).toHaveAttribute('aria-checked', 'true');
    await expect(tiers.getByRole('radio', { name: /^二档/ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tiers.getByRole('radio', { name: /^一档/ })).toHaveAttribute('aria-checked', 'true');
    await screenshot(page, `keyboard-tiers-${width}`);
    await page.keyboard.press('Enter');

    // Today is past the 2024 season: nothing to save, so the focus waits on the payment day.
    const save = page.getByRole('button', { name: '保存并出具凭证（回车）' });
    await expect(page.getByText(/^\d{4}-\d\d-\d\d 已过 2024 参保年度。$/)).toBeVisible();
    await expect(page.getByLabel('缴费日期')).toBeFocused();
    // A new payment day is quoted at once, with no button pressed.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2023-11-05');
    await page.keyboard.press('Enter');
    await expect(page.getByText('待遇期 2024-01-01 至 2024-12-31')).toBeVisible();
    // Enter on 重新计算 quotes again and nothing else.
    await tabTo(page, /重新计算/);
    await page.keyboard.press('Enter');
    await expect(save).toBeVisible();
    await expect(page.getByRole('button', { name: '打印凭证' })).toHaveCount(0);
    await tabTo(page, /保存并出具凭证/);
    await screenshot(page, `keyboard-payment-${width}`);
    await page.keyboard.press('Enter');

    const another = page.getByRole('button', { name: '下一位（回车）' });
    await expect(another).toBeFocused();
    await expect(page.getByTestId('receipt')).toContainText('张三');
    await tabTo(page, /打印凭证/, true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counts(page)).printed).toBe(1);
    await tabTo(page, /下一位/);
    await page.keyboard.press('Enter');

    // The household: from its member at the check step, Tab to 全户参保.
    await expect(box).toBeFocused();
    await page.keyboard.type('李四');
    await expect(page.locator('[data-chosen]')).toContainText('李四');
    await page.keyboard.press('Enter');
    await expect(next).toBeFocused();
    await tabTo(page, /全户参保/);
    await page.keyboard.press('Enter');
    const household = page.getByRole('button', { name: '保存全户并出具凭证' });
    const householdDay = page.getByLabel('全户缴费日期');
    /** No one is due today (past the season): the focus is on the day; typed, the amounts follow. */
    const typeHouseholdDay = async () => {
      await expect(householdDay).toBeFocused();
      await expect(household).toBeDisabled();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2023-11-05');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('household-total')).toHaveText('应参保 2 人，个人合计缴费 760.00 元');
      await tabTo(page, /保存全户并出具凭证/);
    };
    await typeHouseholdDay();
    // Esc goes back to the check, and 全户参保 again comes back here.
    await page.keyboard.press('Escape');
    await expect(next).toBeFocused();
    await tabTo(page, /全户参保/);
    await page.keyboard.press('Enter');
    await typeHouseholdDay();
    await screenshot(page, `keyboard-household-${width}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('household-result')).toContainText('已登记 2 人');
    await expect(page.getByTestId('receipt')).toHaveCount(2);
    await expect(another).toBeFocused();
    // Once saved, Esc does not take the receipts away (back at the check, the cash could be taken twice).
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('household-result')).toBeVisible();
    await expect(another).toBeFocused();
    await tabTo(page, /打印全部凭证/, true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counts(page)).printed).toBe(2);
    await tabTo(page, /下一位/);
    await page.keyboard.press('Enter');
    await expect(box).toBeFocused();

    expect((await counts(page)).pointed).toBe(0);
    const progress = await (await api(request, host.url))('reports.progress', { coverageYear: 2024 });
    expect(progress.map((p) => p.enrolled)).toEqual([3]);
  });
}
