import { printedText as printed } from './pdf-words';
import { api, choose, expect, id, screenshot, test } from './fixtures';

test('the print center: household notice, 公示名单, a long village list with its header and page numbers on every page, the 241 mm receipt', async ({
  page,
  host,
  request,
}) => {
  test.setTimeout(120_000);
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县', phone: '023-55123456', address: '农坝镇人民政府一楼' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const head = await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主' });
  await call('roster.addPerson', { idNumber: id('50023519620302012'), name: '李四', householdId: h.id, relation: '配偶' });
  await call('categories.certify', { personId: head.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });
  await call('targets.set', { coverageYear: 2024, villageId: v.id, target: 150 });
  const big = await call('roster.addHousehold', { villageId: v.id, number: '0002' });
  for (let i = 0; i < 90; i++) {
    const first17 = `5002351970${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + i * 2 + 1).padStart(3, '0')}`;
    await call('roster.addPerson', { idNumber: id(first17), name: `村民${String(i + 1).padStart(3, '0')}`, householdId: big.id });
  }

  await page.clock.install({ time: new Date('2023-11-02T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '打印' }).click();

  // The household notice: found by a member's initials, each member's amounts, the channels.
  await page.getByLabel('查找家庭户').fill('ls');
  await page.getByText('李四　幸福村 户号 0001').click();
  const notice = page.getByTestId('household-notice');
  await expect(notice).toContainText('380.00／342.00／38.00 元');
  await expect(notice).toContainText('755.00／380.00／375.00 元');
  await expect(notice).toContainText('重庆电子税务局');
  await screenshot(page, 'print-notice-1366');
  const n = await printed(page, 'household-notice');
  expect(n.sizes[0]).toBe('210 x 297 mm');
  expect(n.pages[0]).toContain('38.00');
  expect(n.pages[0]).toContain('第 1 页，共 1 页');
  expect(n.pages[0]).not.toContain('打印内容');

  // The village's not-enrolled list runs over pages: the header row and the page number repeat.
  await choose(page, '打印内容', '未参保人员名单（村核实清单）');
  await choose(page, '村（社区）', '幸福村');
  await expect(page.getByTestId('not-enrolled')).toContainText('共 92 人');
  // The words the office reads back, as the xlsx's dropdown offers them, at the list's foot.
  await expect(page.getByTestId('reason-words')).toContainText('拒参、失踪、无法联系、已注销户口、户口迁出、其他');
  await expect(page.getByTestId('reason-words')).toContainText('县外市内参加居民医保（大学生医保）');
  const list = await printed(page, 'not-enrolled');
  expect(list.pages.at(-1)).toContain('未参保原因”请填以下之一');
  expect(list.pages.length).toBeGreaterThan(1);
  list.pages.forEach((p, i) => {
    expect(p).toContain('身份证号');
    expect(p).toContain(`第 ${i + 1} 页，共 ${list.pages.length} 页`);
  });

  // 附件5 prints landscape.
  await choose(page, '打印内容', '附件5 参加基本医疗保险情况汇总表');
  await expect(page.getByTestId('fujian5')).toContainText('幸福村');
  expect((await printed(page, 'fujian5')).sizes[0]).toBe('297 x 210 mm');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'print-fujian5-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  await choose(page, '打印内容', '致各村（社区）的参保工作通知');
  await expect(page.getByTestId('village-notice')).toContainText('一档380.00元/人，二档755.00元/人');
  await expect(page.getByTestId('village-notice')).toContainText('150');
  // Each period's dates once: a period whose words give its days is printed in its words alone.
  const windows = page.getByTestId('village-window');
  await expect(windows.filter({ hasText: '2月29日' })).toHaveText(/^在2024年1月1日至2月29日期间参保缴费的/);
  await expect(windows.first()).toHaveText('2024年居民医保集中参保缴费期为文件下发之日（2023年10月24日）起至2023年12月31日。');
  await screenshot(page, 'print-village-notice-1366');

  // The whole household at the desk: both members' amounts, one tier, one receipt each, on
  // 241 mm continuous paper.
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  await page.getByLabel('查找参保人').fill('李四');
  await expect(page.getByText('李四，')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '全户参保' }).click();
  await expect(page.getByRole('row').filter({ hasText: '张三' })).toContainText('380.00 − 342.00 = 38.00 元');
  await expect(page.getByTestId('household-total')).toHaveText('应参保 2 人，个人合计缴费 418.00 元');
  await page.getByRole('radiogroup', { name: '全户档次' }).getByText('二档').click();
  await expect(page.getByTestId('household-total')).toHaveText('应参保 2 人，个人合计缴费 1130.00 元');
  await page.getByRole('radiogroup', { name: '全户档次' }).getByText('一档').click();
  await screenshot(page, 'enroll-household-1366');
  await page.getByRole('button', { name: '保存全户并出具凭证' }).click();
  await expect(page.getByTestId('household-result')).toContainText('已登记 2 人');
  await expect(page.getByTestId('receipt')).toHaveCount(2);
  await page.getByText('241 mm 针式连续纸').click();
  const r = await printed(page, 'receipt-241');
  expect(r.sizes).toEqual(['241 x 140 mm', '241 x 140 mm']);
  expect(r.pages[0]).toContain('叁拾捌元整');
  // The day paid and the benefit dates whole, never 2023-11-/02.
  expect(r.pages[0]).toContain('2023-11-02');
  expect(r.pages[0]).toContain('2024-01-01 至 2024-12-31');
  expect(r.pages[1]).toContain('叁佰捌拾元整');
  await screenshot(page, 'enroll-receipts-241-1366');

  await page.getByRole('menuitem', { name: '打印' }).click();
  await choose(page, '打印内容', '资助对象公示名单');
  const pub = page.getByTestId('public-list');
  await expect(pub).toContainText('500235********0117');
  await expect(pub).toContainText('资助金额合计 342.00 元');
  await expect(pub).not.toContainText('500235196005010117');
  // 公示期 from the day printed for the office's 7 days, and where to object.
  await expect(page.getByTestId('public-terms')).toContainText('公示期：2023年11月2日至2023年11月8日');
  await expect(page.getByTestId('public-terms')).toContainText('联系电话：023-55123456');
  await expect(page.getByTestId('public-terms')).toContainText('地址：农坝镇人民政府一楼');
  await screenshot(page, 'print-public-list-1366');
  const posted = await printed(page, 'public-list');
  expect(posted.pages).toHaveLength(1);
  expect(posted.pages[0]).toContain('公示期');
});
