// The desk's abilities on screen (issue 14): 待核实 payments settled, a person edited and
// certified by hand with the history shown, 退费, 花名册 by village with a household opened,
// a member moved, and 全户参保 with a tier per member.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, choose, expect, id, screenshot, test, fileInput, stillness } from './fixtures';
import { writeCsv } from '../helpers/files';

const ZHANG = id('50023519600501011');
const LI = id('50023519620312012');
/** 李四's number as the tax office typed it: the 13th and 14th characters swapped (12 → 21), a valid number. */
const LI_MISTYPED = id('50023519620321012');

test('待核实: a payment is recorded against the person its mistyped number belongs to, a difference needs a reason, another is dismissed', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const zs = await call('roster.addPerson', { idNumber: ZHANG, name: '张三', householdId: h.id, relation: '户主' });
  await call('roster.addPerson', { idNumber: LI, name: '李四', householdId: h.id, relation: '配偶' });
  await call('categories.certify', { personId: zs.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-pending-'));
  const file = writeCsv(
    path.join(dir, '税务缴费明细.csv'),
    [
      ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
      [LI_MISTYPED, '李四', '2024', '380', '2023-11-03', '微信'],
      [ZHANG, '张三', '2024', '380', '2023-11-04', '支付宝'],
      [id('11010519491231002'), '外人', '2024', '380', '2023-11-05', '微信'],
    ],
    'gb18030',
  );

  await page.clock.install({ time: new Date('2023-11-10T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '缴费记录');
  await fileInput(page).setInputFiles(file);
  await expect(page.getByTestId('import-counts')).toContainText('待核实3');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const tile = page.getByRole('button', { name: '待核实缴费' });
  await expect(tile).toContainText('3');
  await tile.click();
  await page.getByRole('row', { name: /李四/ }).getByRole('button', { name: '处理', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /处理待核实缴费：李四/ });
  await expect(dialog.getByText('身份证号仅差一位或两位颠倒、姓名相同')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '选择 李四' })).toBeChecked();
  await screenshot(page, 'pending-candidates-1366');
  await dialog.getByRole('button', { name: '登记参保' }).click();
  await expect(page.getByText(/已登记「李四」2024 年度参保，收据号 \d+/)).toBeVisible();
  await expect(tile).toContainText('2');

  await page.getByRole('row', { name: /张三/ }).getByRole('button', { name: '处理', exact: true }).click();
  const second = page.getByRole('dialog', { name: /处理待核实缴费：张三/ });
  await expect(second.getByTestId('settle-difference')).toContainText('多 342 元');
  await expect(second.getByRole('button', { name: '确认差额并登记' })).toBeDisabled();
  await second.getByLabel('差额原因').fill('税务未认定低保，多收部分由税务退还');
  await screenshot(page, 'pending-difference-1366');
  await second.getByRole('button', { name: '确认差额并登记' }).click();
  await expect(tile).toContainText('1');

  await page.getByRole('row', { name: /外人/ }).getByRole('button', { name: '处理', exact: true }).click();
  const third = page.getByRole('dialog', { name: /处理待核实缴费：外人/ });
  await expect(third.getByText('台账中找不到可能的人员')).toBeVisible();
  // Opened as the one before closes (both zoom): a press while they move once lost its click (one run in four).
  await stillness(page);
  await third.getByRole('button', { name: '不予登记…' }).click();
  await third.getByLabel('不予登记的原因').fill('非本镇人员，已告知缴费人到户籍地办理');
  await third.getByRole('button', { name: '确认不予登记' }).click();
  await expect(tile).toContainText('0');
  await expect(page.getByText('没有待核实的缴费。')).toBeVisible();
  await page.getByText('已处理 3 条').click();
  await expect(page.getByText('不予登记：非本镇人员，已告知缴费人到户籍地办理')).toBeVisible();
  await expect(page.getByText(/登记为「张三」，收据 \d+；差额 342 元：税务未认定低保/)).toBeVisible();
  await screenshot(page, 'pending-settled-1366');

  // 张三's 低保 was entered by hand: checked with the department, it leaves the list.
  const hand = page.getByRole('button', { name: '手工认定待核对' });
  await expect(hand).toContainText('1');
  await hand.click();
  await page.getByRole('row', { name: /张三/ }).getByRole('checkbox').check();
  await page.getByRole('button', { name: /标记为已核对（1 人）/ }).click();
  await expect(page.getByText('手工认定的资助身份都已核对。')).toBeVisible();
  await expect(hand).toContainText('0');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the person drawer: edit, certify by hand and end it, 退费 where the policy has it, the history', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'jx-gaoan-ruizhou-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const zs = await call('roster.addPerson', { idNumber: ZHANG, name: '张三', householdId: h.id });
  await call('enroll.person', { personId: zs.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });

  await page.clock.install({ time: new Date('2024-02-10T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByLabel('搜索人员').fill('张三');
  await page.getByLabel('搜索人员').press('Enter');
  await page.getByTestId('edit-person').click();
  const edit = page.getByRole('dialog', { name: '修改「张三」的信息' });
  await edit.getByLabel('联系电话').fill('13800000001');
  await edit.getByLabel('与户主关系').fill('户主');
  await edit.getByLabel('联系电话').press('Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByRole('cell', { name: '联系电话：（空） → 13800000001；与户主关系：（空） → 户主' })).toBeVisible();

  await page.getByRole('button', { name: '认定资助身份' }).click();
  const certify = page.getByRole('dialog', { name: '认定「张三」的资助身份' });
  await choose(page, '资助类别', '城乡低保对象');
  await expect(certify.getByTestId('certify-department')).toHaveText('民政局');
  await certify.getByLabel('认定起始日期').fill('2023-12-01');
  await certify.getByLabel('认定起始日期').press('Enter');
  await certify.getByLabel('认定来源').fill('民政局 2023年12月低保名单');
  await screenshot(page, 'person-certify-1366');
  await certify.getByRole('button', { name: '认定', exact: true }).click();
  await expect(certify).toBeHidden();
  await expect(page.getByRole('cell', { name: '2023-12-01 至 今', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '退费', exact: true }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '退费', exact: true }).click();
  await expect(page.getByText(/已办理退费 320\.00 元/)).toBeVisible();
  // The 退费单 opens at once for the resident to sign; closed, the drawer is as it was.
  await page.getByRole('dialog', { name: '退费单（打印预览）' }).locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByText('已退费 320.00')).toBeVisible();
  await expect(page.getByRole('button', { name: '退费', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: '结束', exact: true }).click();
  await page.getByLabel('认定截止日期').fill('2024-02-01');
  await page.getByLabel('认定截止日期').press('Enter');
  await page.getByRole('tooltip').getByRole('button', { name: '确定', exact: true }).click();
  await expect(page.getByRole('cell', { name: '2023-12-01 至 2024-02-01', exact: true })).toBeVisible();
  for (const what of ['结束资助身份', '退费', '认定资助身份', '修改信息', '参保登记', '登记人员'])
    await expect(page.getByRole('cell', { name: what, exact: true })).toBeVisible();
  // The history sits at the drawer's foot: scrolled to, as the clerk would.
  await page.locator('.ant-drawer-body').evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await screenshot(page, 'person-drawer-history-1366');
});

test('花名册 by village: households in number order, one opened to enroll with a tier per member, its notice, a member moved', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  for (const [number, members] of [
    ['10', [['王五', '50023519700815011', '户主']]],
    [
      '2',
      [
        ['孙女', '50023520100101022', '孙女'],
        ['张三', '50023519600501011', '户主'],
        ['李四', '50023519620312012', '配偶'],
        ['张老', '50023519300101011', '父亲'],
      ],
    ],
  ] as const) {
    const h = await call('roster.addHousehold', { villageId: v.id, number });
    for (const [name, first17, relation] of members) {
      const p = await call('roster.addPerson', { idNumber: id(first17), name, householdId: h.id, relation });
      if (name === '张老') await call('roster.setStatus', { id: p.id, status: 'deceased', on: '2023-06-01' });
    }
  }

  await page.clock.install({ time: new Date('2023-11-10T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByRole('tab', { name: '按村浏览' }).click();
  await choose(page, '浏览村（社区）', '幸福村');
  await expect(page.getByTestId('book-counts')).toHaveText('共 2 户、5 人');
  // The roll's own rows, not those of a household's member table opened inside it.
  const rows = page.locator('tr.book-household');
  await expect(rows.nth(0)).toContainText('2');
  await expect(rows.nth(0)).toContainText('张三、李四、张老、孙女');
  await expect(rows.nth(1)).toContainText('王五');
  await rows.nth(0).locator('.ant-table-row-expand-icon').click();
  await screenshot(page, 'village-book-1366');

  await rows.nth(0).getByRole('button', { name: '打开此户' }).click();
  const panel = page.locator('.ant-drawer').filter({ hasText: '幸福村 户号 2（户主 张三）' });
  await panel.getByRole('button', { name: '打印缴费通知单' }).click();
  await expect(panel.getByText('张老')).toBeVisible();
  await screenshot(page, 'household-notice-1366');
  await panel.getByRole('button', { name: '返回', exact: true }).click();

  await panel.getByRole('button', { name: '全户参保' }).click();
  await panel.getByRole('radiogroup', { name: '李四的档次' }).getByText('二档').click();
  await expect(panel.getByTestId('household-total')).toContainText('应参保 3 人，个人合计缴费 1515.00 元');
  await screenshot(page, 'household-tiers-1366');
  await panel.getByRole('button', { name: '保存全户并出具凭证' }).click();
  await expect(panel.getByTestId('household-result')).toContainText('已登记 3 人，未登记 1 人');
  await expect(panel.getByTestId('household-skipped')).toContainText('张老：「张老」已标记为死亡');
  await expect(panel.getByTestId('receipt')).toHaveCount(3);
  await panel.getByRole('button', { name: '下一位' }).click();
  await expect(panel.getByRole('row', { name: /李四/ })).toContainText('已缴');

  await panel.getByRole('row', { name: /孙女/ }).getByRole('button', { name: '迁户', exact: true }).click();
  const move = page.getByRole('dialog', { name: '「孙女」迁出户号 2' });
  await move.getByLabel('迁入户号').fill('11');
  await expect(move.getByText('本村（社区）没有户号 11，将新立此户。')).toBeVisible();
  await move.getByLabel('新户中与户主关系').fill('户主');
  await move.getByRole('button', { name: '新立户并迁入' }).click();
  await expect(page.getByTestId('book-counts')).toHaveText('共 3 户、5 人');
  await expect(rows.nth(1)).toContainText('10');
  await expect(rows.nth(2)).toContainText('11');
  await expect(rows.nth(2)).toContainText('孙女');
  await expect(rows.nth(0)).toContainText('2 / 2');
  await expect(rows.nth(2)).toContainText('1 / 1');
});
