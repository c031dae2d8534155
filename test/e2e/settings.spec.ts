import type { Page } from '@playwright/test';
import { api, expect, screenshot, test } from './fixtures';

async function openSettings(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('menuitem', { name: '设置' }).click();
}

test('the clerk sets up the office and its villages, and they survive a reload and a restart', async ({ page, host }) => {
  await openSettings(page, host.url);
  await expect(page.getByTestId('header-office')).toHaveText('尚未设置乡镇/街道');
  await expect(page.getByRole('menuitem')).toHaveText(['工作台', '参保登记 F2', '花名册 F4', '进度', '导入导出', '打印', '政策', '设置']);

  await page.getByLabel('所属区县').fill('云阳县');
  await page.getByLabel('乡镇/街道').fill('农坝镇');
  await page.getByLabel('收据显示完整身份证号').check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('header-office')).toHaveText('云阳县农坝镇');

  // Enter in the name field adds the village and puts the cursor back on the code.
  await page.getByLabel('村/社区代码').fill('001');
  await page.getByLabel('村/社区名称').fill('农坝社区');
  await page.getByLabel('村/社区名称').press('Enter');
  await expect(page.getByRole('cell', { name: '农坝社区' })).toBeVisible();
  await expect(page.getByLabel('村/社区代码')).toBeFocused();
  await page.getByLabel('村/社区代码').fill('002');
  await page.getByLabel('村/社区名称').fill('龙堰社区');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('cell', { name: '龙堰社区' })).toBeVisible();
  await screenshot(page, 'settings-1366');

  await page.reload();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('header-office')).toHaveText('云阳县农坝镇');
  await expect(page.getByRole('cell', { name: '农坝社区' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '龙堰社区' })).toBeVisible();

  await host.restart();
  await openSettings(page, host.url);
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(page.getByLabel('乡镇/街道')).toHaveValue('农坝镇');
  await expect(page.getByLabel('收据显示完整身份证号')).toBeChecked();
});

test('bad input shows the Chinese reason and adds nothing', async ({ page, host }) => {
  await openSettings(page, host.url);
  await page.getByLabel('村/社区代码').fill('01-2');
  await page.getByLabel('村/社区名称').fill('幸福村');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '村/社区代码只能是 1 到 12 位数字或字母' })).toBeVisible();
  await expect(page.getByText('还没有村/社区，请在上方添加。')).toBeVisible();

  await page.getByLabel('村/社区代码').fill('003');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('cell', { name: '幸福村' })).toBeVisible();
  await page.getByLabel('村/社区代码').fill('004');
  await page.getByLabel('村/社区名称').fill('幸福村');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '已有名为「幸福村」的村/社区（代码 003），不能重名。' })).toBeVisible();
  await screenshot(page, 'settings-error-1366');
});

test('rename and retire a village; the retired one stays in the history', async ({ page, host }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSettings(page, host.url);
  await page.getByLabel('村/社区代码').fill('005');
  await page.getByLabel('村/社区名称').fill('红梁村');
  await page.getByLabel('村/社区名称').press('Enter');
  await page.getByRole('button', { name: '改名', exact: true }).click();
  await page.getByLabel('新名称').fill('红粱村');
  await page.getByLabel('新名称').press('Enter');
  await expect(page.getByRole('cell', { name: '红粱村' })).toBeVisible();

  await page.getByRole('button', { name: '停用', exact: true }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '停用', exact: true }).click();
  await expect(page.getByText('还没有村/社区，请在上方添加。')).toBeVisible();
  await page.getByLabel('显示已停用').click();
  await expect(page.getByRole('cell', { name: '红粱村' })).toBeVisible();
  await expect(page.getByText(/已于 \d{4}-\d{2}-\d{2} 停用/)).toBeVisible();
  await screenshot(page, 'settings-retired-1920');
});

test('the API refuses calls without the launch token, from another origin or another host name', async ({ host, request }) => {
  const api = `${host.url}api/office.get`;
  const noToken = await request.post(api, { data: {} });
  expect(noToken.status()).toBe(401);
  expect((await noToken.json()).error.message).toContain('令牌');

  const page = await request.get(host.url);
  const token = /name="canbao-token" content="([^"]+)"/.exec(await page.text())![1]!;
  const good = await request.post(api, { data: {}, headers: { 'x-canbao-token': token, 'x-canbao-session': 'a-session-of-this-test' } });
  expect(await good.json()).toEqual({
    ok: true,
    value: { townshipName: '', county: '', countyCode: '', receiptFullId: false, phone: '', address: '', publicDays: 7 },
  });

  const foreign = await request.post(api, {
    data: {},
    headers: { 'x-canbao-token': token, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const rebound = await request.post(api, {
    data: {},
    headers: { 'x-canbao-token': token, host: `evil.example:${new URL(host.url).port}` },
  });
  expect(rebound.status()).toBe(421);
});

test('once the office has users, the clerk logs in before working', async ({ page, host, request }) => {
  const html = await (await request.get(host.url)).text();
  const token = /name="canbao-token" content="([^"]+)"/.exec(html)![1]!;
  const api = (name: string, data: unknown) =>
    request.post(`${host.url}api/${name}`, { data, headers: { 'x-canbao-token': token, 'x-canbao-session': 'the-admin-setting-up' } });
  expect((await (await api('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' })).json()).ok).toBe(true);
  await api('session.logout', {});

  await page.goto(host.url);
  await expect(page.getByText('登录参保台账')).toBeVisible();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码不对');
  await screenshot(page, 'login-1366');
  await page.getByLabel('密码').fill('secret1');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('王所长');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('乡镇/街道').fill('栗子乡');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('header-office')).toHaveText('栗子乡');
});

test('a login that ends while a clerk works is asked for again over the screen, keeping what was typed', async ({ page, host, request }) => {
  const admin = await api(request, host.url);
  await admin('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
  const clerk = (await admin('users.create', { username: 'clerk1', displayName: '李经办', role: 'clerk', password: 'secret2' })) as { id: number };

  await page.goto(host.url);
  await page.getByLabel('用户名').fill('clerk1');
  await page.getByLabel('密码').fill('secret2');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('李经办');
  // The screen's first search answered while the login still held: the ending is met by the typing below.
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/roster.find')), page.getByRole('menuitem', { name: '花名册' }).click()]);

  // The administrator disables the clerk: the clerk's next call finds the login ended.
  await admin('users.setDisabled', { id: clerk.id, disabled: true });
  await page.getByLabel('搜索人员').fill('张三');
  await expect(page.getByRole('dialog', { name: '请重新登录' })).toBeVisible();
  await admin('users.setDisabled', { id: clerk.id, disabled: false });
  await expect(page.getByRole('dialog').getByLabel('用户名')).toHaveValue('clerk1');
  await screenshot(page, 'relogin-1366');
  await page.getByRole('dialog').getByLabel('密码').fill('secret2');
  await page.getByRole('dialog').getByLabel('密码').press('Enter');
  await expect(page.getByRole('dialog', { name: '请重新登录' })).toHaveCount(0);
  await expect(page.getByLabel('搜索人员')).toHaveValue('张三');
  await expect(page.getByTestId('header-user')).toHaveText('李经办');
});

test('each tab has its own login', async ({ page, host, request, context }) => {
  const admin = await api(request, host.url);
  await admin('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('secret1');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('header-user')).toHaveText('王所长');
  const other = await context.newPage();
  await other.goto(host.url);
  await expect(other.getByText('登录参保台账')).toBeVisible();
  await other.close();
});
