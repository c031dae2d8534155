// A newcomer finds the way (issue 25): a new 酉阳县花田乡 office finds its county's 2024 file
// on the 政策 screen and takes it without a warning; 工作台 mentions the 2025 file quietly
// until a month before its window opens, then proposes it; every policy is named by place and
// document, never by its file id.
import type { Page } from '@playwright/test';
import { api, choose, expect, screenshot, test } from './fixtures';

const YOUYANG_2024 = '重庆市酉阳土家族苗族自治县 2024 年度（酉阳医保发〔2023〕52号）';
const YOUYANG_2025 = '重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号）';
const NONGBA_2024 = '重庆市云阳县农坝镇 2024 年度（农坝府发〔2023〕42号）';

/**
 * No policy file id (cq-youyang-2025, jx-…) anywhere a clerk reads: the rendered text (a closed
 * list keeps its options' values for screen readers, hidden, each named by its label).
 */
const noIds = (page: Page) => expect(page.locator('body')).not.toContainText(/\b(?:cq|jx)-[a-z]/, { useInnerText: true });

test('a new office of 酉阳县花田乡 takes its county’s policy, and is asked to start 2025 only a month before it opens', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('villages.add', { code: '001', name: '花田村' });
  call.seal();
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();
  // The desk's today: 2023's autumn, the 2025 file already shipped with the program.
  await page.clock.install({ time: new Date('2023-11-05T09:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);

  await menu('设置');
  await page.getByLabel('所属区县').fill('酉阳县');
  await page.getByLabel('乡镇/街道').fill('花田乡');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('header-office')).toHaveText('酉阳县花田乡');

  // 开始新年度 reads the files that are there: the county's 2024 notice is this office's.
  await menu('政策');
  const season = page.getByTestId('new-season');
  await expect(season).toContainText(`已有本地区的政策文件：${YOUYANG_2024}`);
  await expect(season).not.toContainText('还没有');
  await noIds(page);
  await screenshot(page, 'newcomer-policies-1366');

  // Another township's notice is still said to be another's.
  await choose(page, '2024年度政策', NONGBA_2024);
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`为 2024 年度选用「${NONGBA_2024}」？`);
  await expect(confirm).toContainText('这份政策不是本所（酉阳县花田乡）的');
  await screenshot(page, 'newcomer-other-township-1366');
  await confirm.getByRole('button', { name: '取消', exact: true }).click();
  await expect(confirm).toHaveCount(0);

  // The county's notice binds its townships: chosen at once, and the card says so.
  await choose(page, '2024年度政策', YOUYANG_2024);
  await expect(page.getByText('本所使用中')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(season).toContainText(`已选用 ${YOUYANG_2024}，集中参保期 2023-10-01 至 2023-12-31`);
  await expect(page.getByTestId('years-card').getByRole('cell', { name: YOUYANG_2024 })).toBeVisible();
  await noIds(page);
  await screenshot(page, 'newcomer-policy-chosen-1366');

  // 工作台 in November 2023: the 2025 file is mentioned, not pressed.
  await menu('工作台');
  await expect(page.getByTestId('new-season-note')).toHaveText(`已有下一年度的政策文件：${YOUYANG_2025}，2024-09-13 起参保缴费。`);
  await expect(page.getByTestId('new-season-banner')).toHaveCount(0);
  await screenshot(page, 'newcomer-dashboard-quiet-1366');

  const dashboardOn = async (day: string) => {
    await page.clock.setSystemTime(new Date(`${day}T09:00:00+08:00`));
    await menu('进度');
    await menu('工作台');
  };
  await dashboardOn('2024-08-13');
  await expect(page.getByTestId('new-season-note')).toBeVisible();
  await expect(page.getByTestId('new-season-banner')).toHaveCount(0);
  // 30 days before 2024-09-13, the first day of the 2025 file's windows.
  await dashboardOn('2024-08-14');
  await expect(page.getByTestId('new-season-banner')).toContainText(
    `2025 年度的政策文件已有，还没有选用：${YOUYANG_2025}，集中参保期 2024-09-13 至 2024-12-31。`,
  );
  await expect(page.getByTestId('new-season-note')).toHaveCount(0);
  await screenshot(page, 'newcomer-dashboard-proposed-1366');

  // 政策: 2025 is started by its name.
  await menu('政策');
  await expect(season).toContainText(`已有本地区的政策文件：${YOUYANG_2025}`);
  await season.getByRole('button', { name: '选用', exact: true }).click();
  await expect(season).toContainText(`已为 2025 年度选用「${YOUYANG_2025}」。`);
  await expect(season).toContainText(`已选用 ${YOUYANG_2025}，集中参保期 2024-09-13 至 2024-12-31`);
  await expect(page.getByRole('combobox', { name: '2025年度政策' }).locator('..')).toContainText(YOUYANG_2025);
  await expect(page.getByRole('combobox', { name: '新政策' }).locator('..')).toContainText(YOUYANG_2025);
  await noIds(page);
  await screenshot(page, 'newcomer-new-year-1366');
  await menu('工作台');
  await expect(page.getByTestId('new-season-banner')).toHaveCount(0);
});

test('开始新年度 says what files there are when none can be told to be the office’s', async ({ page, host }) => {
  await page.clock.install({ time: new Date('2023-11-05T09:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();
  const season = page.getByTestId('new-season');

  await menu('政策');
  await expect(season).toContainText('本所的区县和乡镇还没有设置，看不出 2024 年度已有的这些政策文件哪一份是本地区的：');
  await expect(season.getByRole('listitem')).toContainText([NONGBA_2024, YOUYANG_2024]);
  await screenshot(page, 'newcomer-no-place-1366');

  await menu('设置');
  await page.getByLabel('所属区县').fill('彭水县');
  await page.getByLabel('乡镇/街道').fill('鹿角镇');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await menu('政策');
  await expect(season).toContainText('2024 年度已有的政策文件都不是本所（彭水县鹿角镇）所在地区的');
  await choose(page, '新年度', '2025 年度');
  await expect(season).toContainText('2025 年度已有的政策文件都不是本所（彭水县鹿角镇）所在地区的：' + YOUYANG_2025);
  await choose(page, '新年度', '2023 年度');
  await expect(season).toContainText('还没有 2023 年度的政策文件：新通知下发后，请在下方“政策文件”中导入。');
});
