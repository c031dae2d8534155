// The desk at a clerk's speed, on an old office PC (1366×768 or 1024×768), keyboard first:
// 花名册 shows twenty and says when it cut the list, ↑/↓ and Enter open the chosen person, icon
// buttons have Chinese names, the keyboard's place is ringed, and nothing wraps at 1024 wide
// that a clerk has to read across (an import's result, a notice's amounts).
import type { Locator } from '@playwright/test';
import { api, choose, expect, id, screenshot, test, type ApiHelper, fileInput } from './fixtures';

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** 农坝镇 on its 2024 policy, one village, and `n` persons named 王… in households of four. */
async function seedWangs(call: ApiHelper, n: number): Promise<void> {
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  let householdId = 0;
  for (let i = 0; i < n; i++) {
    if (i % 4 === 0) householdId = (await call('roster.addHousehold', { villageId: v.id, number: String(1001 + i / 4) })).id;
    const p = await call('roster.addPerson', {
      idNumber: id(`50023519700101${String(100 + i)}`),
      name: `王${STEMS[i % 10]}${i}`,
      householdId,
      relation: i % 4 === 0 ? '户主' : '子女',
    });
    if (i === 1) await call('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });
  }
}

/** How many lines an element's text takes. */
const lines = (el: Locator) => el.evaluate((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight));

test('花名册 shows twenty of 26 and says so; ↑/↓ choose with the focus kept in the box, Enter opens the chosen one; icon buttons named in Chinese', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  await seedWangs(call, 26);
  call.seal();

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: /^花名册/ }).click();
  const box = page.getByLabel('搜索人员');
  await expect(box).toBeFocused();
  await box.fill('王');
  const rows = page.locator('#roster-results tbody tr.ant-table-row');
  await expect(rows).toHaveCount(20);
  await expect(page.getByTestId('roster-cut')).toContainText('只显示前 20 人，共 26 人符合；请输入更多字缩小范围');

  // ↓ ↓ ↓ ↑: the second row is chosen, marked, and the focus never left the box.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp']) await box.press(key);
  await expect(box).toBeFocused();
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#roster-results tr[aria-selected="true"]')).toHaveCount(1);
  const second = (await rows.nth(1).locator('td').first().textContent())!;
  await screenshot(page, 'roster-chosen-1366');
  await box.press('Enter');
  await expect(page.getByRole('dialog', { name: new RegExp(`^${second}（`) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // None chosen: Enter opens the first match, as before.
  await box.fill('王乙');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('#roster-results tr[aria-selected="true"]')).toHaveCount(0);
  const first = (await rows.first().locator('td').first().textContent())!;
  await box.press('Enter');
  await expect(page.getByRole('dialog', { name: new RegExp(`^${first}（`) })).toBeVisible();
  await page.keyboard.press('Escape');

  // 显示更多 brings the other six; the list is whole and says nothing more.
  await box.fill('王');
  await expect(page.getByTestId('roster-cut')).toBeVisible();
  await page.getByRole('button', { name: '显示更多' }).click();
  await expect(rows).toHaveCount(26);
  await expect(page.getByTestId('roster-cut')).toHaveCount(0);

  // The box's two icon buttons, by the names a screen reader says.
  await expect(page.getByRole('button', { name: '查找' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(search|close-circle)$/ })).toHaveCount(0);
  await page.getByRole('button', { name: '清除' }).click();
  await expect(box).toHaveValue('');
  await expect(rows).toHaveCount(0);

  // A table's pager: ‹ › are 上一页 and 下一页 (antd says "left" and "right").
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByRole('button', { name: '未参保', exact: true }).click();
  await expect(page.getByText(/^共 26 人$/)).toBeVisible();
  await expect(page.getByRole('button', { name: '上一页' })).toBeDisabled();
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByRole('button', { name: '上一页' })).toBeEnabled();
  await expect(page.getByRole('button', { name: /^(left|right)$/ })).toHaveCount(0);
});

test('the keyboard’s place is ringed, a click on a tile is not; at 1024×768 an import’s result takes two lines at most and a notice’s amounts one', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  await seedWangs(call, 4);
  call.seal();
  await page.setViewportSize({ width: 1024, height: 768 });
  // Inside 农坝's 2024 window, so the notice has amounts to show; the clock keeps running.
  await page.clock.install({ time: new Date('2023-11-22T09:30:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  const ring = (el: Locator) => el.evaluate((e) => getComputedStyle(e).outline);
  // antd eases its fields' outline in (0.2 s): the ring is polled until it has settled.
  const RING = 'rgb(22, 119, 255) solid 2px';

  // A tile clicked with the mouse shows no ring; Tab to the next one, and it does.
  const tiles = page.getByTestId('tiles');
  await tiles.getByRole('button', { name: '未参保', exact: true }).click();
  await expect(tiles.getByRole('button', { name: '未参保', exact: true })).toBeFocused();
  await page.waitForTimeout(300); // past antd's 0.2 s ease: no ring has come
  expect(await ring(tiles.getByRole('button', { name: '未参保', exact: true }))).not.toContain('solid');
  await page.keyboard.press('Tab');
  await expect(tiles.getByRole('button', { name: '去年参保、今年未参保' })).toBeFocused();
  await expect.poll(() => ring(tiles.getByRole('button', { name: '去年参保、今年未参保' }))).toBe(RING);

  // 导入导出 by the keyboard: the select, then the button, each ringed.
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await page.getByRole('combobox', { name: '参保年度' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: '导入内容' })).toBeFocused();
  await expect.poll(() => ring(page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '导入内容' }) }))).toBe(RING);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '选择文件…' })).toBeFocused();
  await expect.poll(() => ring(page.getByRole('button', { name: '选择文件…' }))).toBe(RING);
  await screenshot(page, 'focus-ring-1024');

  // A roster of twelve and one bad number: the result (six counts) stays within two lines.
  await choose(page, '导入内容', '花名册');
  const rows = [['村', '户号', '姓名', '与户主关系', '公民身份号码']];
  for (let i = 0; i < 12; i++) rows.push(['幸福村', `9${String(i).padStart(3, '0')}`, `新人${STEMS[i % 10]}${i}`, '户主', id(`500235199001${10100 + i}`)]);
  rows.push(['幸福村', '9999', '坏号', '户主', '500235199001011234']);
  await fileInput(page).setInputFiles({
    name: '幸福村2024年度城乡居民医保花名册（第二批补充）.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n')),
  });
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const result = page.getByTestId('batch-result');
  await expect(result).toContainText('新增 12');
  // Every count is there for a screen reader and the tooltip, two lines of it on screen.
  await expect(result).toContainText('有问题 1');
  expect(await lines(result)).toBeLessThanOrEqual(2.05);
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-batches-1024');

  // The household notice: each amount (standard／subsidy／share 元) on one line.
  await page.getByRole('menuitem', { name: '打印' }).click();
  await page.getByLabel('查找家庭户').fill('王乙1');
  await page.locator('.ant-select-item-option').filter({ hasText: '王乙1' }).click();
  const notice = page.getByTestId('household-notice');
  await expect(notice).toContainText('380.00／342.00／38.00\u00a0元');
  const amounts = notice.locator('.money');
  expect(await amounts.count()).toBeGreaterThanOrEqual(8);
  for (const amount of await amounts.all()) expect(await lines(amount)).toBeLessThan(1.5);
  await screenshot(page, 'notice-1024');
});
