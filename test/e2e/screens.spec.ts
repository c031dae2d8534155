import type { Page } from '@playwright/test';
import { api, choose, expect, id, screenshot, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['秀英', '桂兰', '建国', '志强', '海燕', '德明', '小龙', '春梅', '国华', '玉珍', '永福', '丽', '勇', '芳', '军'];
const VILLAGES = ['幸福村', '团结村', '龙泉社区', '双河村', '石门村', '青山村'];

/** An office part-way through its season: six villages, a few hundred people, payments, targets. */
async function seedSeason(call: Awaited<ReturnType<typeof api>>) {
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  let n = 0;
  for (const [vi, name] of VILLAGES.entries()) {
    const v = await call('villages.add', { code: String(vi + 1).padStart(3, '0'), name });
    let villagers = 0;
    for (let h = 0; h < 5; h++) {
      const hh = await call('roster.addHousehold', { villageId: v.id, number: `${vi + 1}${String(h + 1).padStart(3, '0')}` });
      for (let m = 0; m < 4; m++, n++, villagers++) {
        const birth = `19${String(40 + ((n * 7) % 60)).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`;
        const p = await call('roster.addPerson', {
          idNumber: id(`500235${birth}${String(100 + n * 2 + (m % 2)).slice(-3)}`),
          name: SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 3) % GIVEN.length]!,
          householdId: hh.id,
          relation: m === 0 ? '户主' : m === 1 ? '配偶' : '子女',
          phone: m === 0 ? `138${String(10000000 + n * 7919).slice(-8)}` : '',
        });
        if (n % 9 === 0) await call('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });
        if (n % 13 === 0) await call('categories.certify', { personId: p.id, code: 'disability_3_4', validFrom: '2023-03-01', source: '窗口录入' });
        if ((n * 5 + vi) % 8 < 4 + (vi % 3)) {
          await call('enroll.person', {
            personId: p.id,
            coverageYear: 2024,
            paidOn: `2023-11-${String(1 + (n % 20)).padStart(2, '0')}`,
            channel: ['微信', '支付宝', '现金', '重庆电子税务局'][n % 4]!,
          });
        }
      }
    }
    await call('targets.set', { coverageYear: 2024, villageId: v.id, target: villagers - (vi % 2) });
  }
}

async function at(page: Page, name: string, show: () => Promise<void>) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await show();
    await screenshot(page, `screen-${name}-${size.width}`);
  }
}

test('every screen, filled as in the middle of a season, at 1366×768 and 1920×1080', async ({ page, host, request }) => {
  test.setTimeout(180_000);
  const call = await api(request, host.url);
  await seedSeason(call);
  await page.clock.install({ time: new Date('2023-11-22T09:30:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();

  await at(page, 'dashboard', async () => {
    await menu('工作台');
    await page.getByRole('button', { name: '资助对象未参保' }).click();
    await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();
  });
  await at(page, 'enroll', async () => {
    await menu('参保登记');
    await page.getByLabel('查找参保人').fill('王秀英');
    await expect(page.getByText('王秀英，').first()).toBeVisible();
  });
  await at(page, 'roster', async () => {
    await menu('花名册');
    await page.getByLabel('搜索人员').fill('王');
    await expect(page.getByRole('cell').first()).toBeVisible();
  });
  await at(page, 'roster-drawer', async () => {
    if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await page.getByRole('row').nth(1).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });
  await page.keyboard.press('Escape');
  await at(page, 'progress', async () => {
    await menu('进度');
    await expect(page.getByTestId('total-progress')).toContainText('任务');
  });
  await at(page, 'import-export', async () => {
    await menu('导入导出');
    await expect(page.getByText('导入记录')).toBeVisible();
  });
  await at(page, 'print', async () => {
    await menu('打印');
    await choose(page, '打印内容', '附件3 筹资进度表');
    await expect(page.getByTestId('fujian3')).toContainText('合计');
  });
  await at(page, 'policies', async () => {
    await menu('政策');
    await page.getByTestId('policy-files').getByRole('cell', { name: '重庆市云阳县农坝镇' }).click();
    await expect(page.getByText('农坝镇2024年度城乡居民基本医疗保险筹资对照表')).toBeVisible();
  });
  await at(page, 'settings', async () => {
    await menu('设置');
    await expect(page.getByRole('cell', { name: '幸福村' })).toBeVisible();
  });
  await call('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
  await call('session.logout', {});
  await at(page, 'login', async () => {
    await page.goto(host.url);
    await expect(page.getByText('登录参保台账')).toBeVisible();
  });
});
