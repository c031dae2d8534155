import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

async function login(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
}

test('the office sets up its users on screen: the first administrator, a clerk, passwords, disabling', async ({ page, host }) => {
  await page.goto(host.url);
  // Before any user, 工作台 says plainly who may change the ledger.
  await expect(page.getByTestId('no-users')).toContainText('这台电脑上谁都可以查看和修改台账');

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByRole('button', { name: '建立管理员' }).click();
  const add = page.getByRole('dialog', { name: '建立第一个用户（管理员）' });
  await add.getByLabel('姓名').fill('王所长');
  await add.getByLabel('登录名').fill('wang');
  await add.getByLabel('密码', { exact: true }).fill('secret1');
  await add.getByLabel('再输一次密码').fill('secret1');
  await add.getByRole('button', { name: '添加', exact: true }).click();
  // The one who made the first administrator is logged in as it.
  await expect(page.getByTestId('header-user')).toHaveText('王所长');

  await page.getByRole('button', { name: '添加用户' }).click();
  const clerk = page.getByRole('dialog', { name: '添加用户' });
  await clerk.getByLabel('姓名').fill('李经办');
  await clerk.getByLabel('登录名').fill('wang');
  await clerk.getByLabel('密码', { exact: true }).fill('secret2');
  await clerk.getByLabel('再输一次密码').fill('secret2');
  await clerk.getByRole('button', { name: '添加', exact: true }).click();
  // Refused inside the dialog, where the clerk is looking.
  await expect(clerk.getByRole('alert')).toContainText('用户名「wang」已被使用');
  await clerk.getByLabel('登录名').fill('li');
  await clerk.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('cell', { name: '李经办' })).toBeVisible();
  await expect(page.getByRole('row', { name: /李经办/ })).toContainText('经办人');
  await screenshot(page, 'settings-users-1366');

  // The administrator resets the clerk's password, then logs out; the clerk logs in with it.
  await page
    .getByRole('row', { name: /李经办/ })
    .getByRole('button', { name: '重设密码' })
    .click();
  const reset = page.getByRole('dialog', { name: '重设「李经办」的密码' });
  await reset.getByLabel('密码', { exact: true }).fill('newpass1');
  await reset.getByLabel('再输一次密码').fill('newpass1');
  await reset.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已重设「李经办」的密码。')).toBeVisible();
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'li', 'newpass1');
  await expect(page.getByTestId('header-user')).toHaveText('李经办');

  // What a clerk may not do is not offered.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByLabel('乡镇/街道')).toBeDisabled();
  await expect(page.getByLabel('村/社区代码')).toBeHidden();
  await page.getByRole('tab', { name: '用户' }).click();
  await expect(page.getByText('用户由管理员管理。')).toBeVisible();
  await expect(page.getByRole('button', { name: '添加用户' })).toHaveCount(0);
  await screenshot(page, 'settings-clerk-1366');
  await page.getByRole('menuitem', { name: '政策' }).click();
  await expect(page.getByRole('button', { name: '导入政策文件…' })).toHaveCount(0);

  // The clerk changes their own password, knowing the current one.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByRole('button', { name: '修改我的密码' }).click();
  const own = page.getByRole('dialog', { name: '修改我的密码' });
  await own.getByLabel('当前密码').fill('wrong11');
  await own.getByLabel('密码', { exact: true }).fill('mine123');
  await own.getByLabel('再输一次密码').fill('mine124');
  await own.getByRole('button', { name: '保存', exact: true }).click();
  await expect(own.getByText('两次输入的密码不一样。')).toBeVisible();
  await own.getByLabel('再输一次密码').fill('mine123');
  await own.getByRole('button', { name: '保存', exact: true }).click();
  await expect(own.getByRole('alert')).toContainText('当前密码不对');
  await own.getByLabel('当前密码').fill('newpass1');
  await own.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已修改你的密码')).toBeVisible();

  // The administrator disables the clerk, who can no longer log in.
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'wang', 'secret1');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '用户' }).click();
  await page
    .getByRole('row', { name: /李经办/ })
    .getByRole('button', { name: '停用', exact: true })
    .click();
  await page.getByRole('tooltip').getByRole('button', { name: '停用', exact: true }).click();
  await expect(page.getByRole('row', { name: /李经办/ })).toContainText('已停用');
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'li', 'mine123');
  await expect(page.getByRole('alert')).toContainText('用户名或密码不对，或该用户已停用');
});
