// Screens a clerk comes back to (issue 26): 工作台, 花名册, 进度, 打印, 政策 and 设置 stay as they
// were left, hidden, so a repeat switch on an old PC is not a rebuild. A change made in this
// window drops them (they start afresh, never showing the change undone); clicking the screen's
// own menu item starts it afresh; another user's login finds nothing the last one left.
import type { Page } from '@playwright/test';
import { api, choose, expect, id, test } from './fixtures';

/** Every frame's visible 已参保 / 任务数 tile until `until` shows, as its text. */
async function tileFrames(page: Page, act: () => Promise<void>, until: RegExp): Promise<string[]> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const look = () => {
      const tile = Array.from(document.querySelectorAll<HTMLElement>('.ant-statistic')).find(
        (e) => e.offsetParent !== null && e.textContent?.startsWith('已参保'),
      );
      seen.push(tile?.textContent ?? '');
      if (seen.length < 600) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await act();
  await expect(page.locator('.ant-statistic').filter({ hasText: /^已参保/ })).toHaveText(until);
  return page.evaluate(() => (window as unknown as { seen: string[] }).seen.filter((t) => t !== ''));
}

const login = async (page: Page, username: string, password: string) => {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
};

test('a screen come back to is as it was left, never shows its own change undone, starts afresh from its menu item, and is not kept for the next user', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  for (const [i, name] of ['王一', '王二', '王三'].entries())
    await call('roster.addPerson', { idNumber: id(`5002351970010110${i}`), name, householdId: h.id, relation: i ? '子女' : '户主' });
  await call('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret0' });
  await call('users.create', { username: 'clerk1', displayName: '李经办', role: 'clerk', password: 'secret1' });
  await call('users.create', { username: 'clerk2', displayName: '张经办', role: 'clerk', password: 'secret2' });
  call.seal();

  // The desk's clock on a day in the season, running (frozen, antd's animations would stop too).
  await page.clock.install({ time: new Date('2024-11-05T09:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await login(page, 'clerk1', 'secret1');
  const tile = page.locator('.ant-statistic').filter({ hasText: /^已参保/ });
  await expect(tile).toHaveText('已参保 / 任务数0/ 0');

  // 花名册 left with a search typed, then found as it was.
  await page.getByRole('menuitem', { name: /^花名册/ }).click();
  const box = page.getByLabel('搜索人员');
  await box.fill('王');
  const rows = page.locator('#roster-results tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  await page.getByRole('menuitem', { name: '进度' }).click();
  await page.getByRole('menuitem', { name: /^花名册/ }).click();
  await expect(box).toHaveValue('王');
  await expect(rows).toHaveCount(3);
  // Its own menu item starts it afresh, as before.
  await page.getByRole('menuitem', { name: /^花名册/ }).click();
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();

  // A target set on 进度 (this window's change): 工作台 shows the new one and never the old.
  await page.getByRole('menuitem', { name: '进度' }).click();
  const target = page.getByLabel('幸福村任务数');
  await target.fill('120');
  await target.press('Enter');
  await expect(page.getByTestId('total-progress')).toHaveText('已参保 0 / 任务 120');
  const frames = await tileFrames(page, () => page.getByRole('menuitem', { name: '工作台' }).click(), /\/ 120$/);
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.filter((t) => t.endsWith('/ 0'))).toEqual([]);
  // The hidden screens are still there, hidden, and only one title shows.
  await expect(page.locator('.ant-layout-content h3')).toHaveText('工作台');
  await expect(page.getByLabel('幸福村任务数')).toBeHidden();

  // 打印 left with 当日收据 open and the day turning meanwhile: it comes back on the new day, not yesterday's.
  await page.getByRole('menuitem', { name: '打印' }).click();
  await choose(page, '打印内容', '缴费凭证（按缴费日期批量）');
  const day = page.getByLabel('收据的缴费日期');
  await expect(day).toHaveValue('2024-11-05');
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.clock.setSystemTime(new Date('2024-11-06T08:30:00+08:00'));
  await page.getByRole('menuitem', { name: '打印' }).click();
  await expect(page.getByLabel('打印内容').locator('..')).not.toContainText('缴费凭证');
  await choose(page, '打印内容', '缴费凭证（按缴费日期批量）');
  await expect(page.getByLabel('收据的缴费日期')).toHaveValue('2024-11-06');
  await page.getByRole('menuitem', { name: '工作台' }).click();

  // Another user's login: nothing the first one left is drawn for them.
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'clerk2', 'secret2');
  await expect(tile).toHaveText('已参保 / 任务数0/ 120');
  await expect(page.getByLabel('搜索人员')).toHaveCount(0);
  await expect(page.getByLabel('幸福村任务数')).toHaveCount(0);
  await page.getByRole('menuitem', { name: /^花名册/ }).click();
  await expect(page.getByLabel('搜索人员')).toHaveValue('');
});
