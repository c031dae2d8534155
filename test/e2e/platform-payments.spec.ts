// The 医保 platform's 居民缴费明细 on screen (issue 29): the dry run shows each value of the coded
// columns and how it was read (an unknown one read as nothing, its row not imported); a reversal
// of a payment the ledger does not hold waits on 待核实 and can only be marked done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, choose, expect, id, screenshot, test, fileInput } from './fixtures';
import { writeCsv } from '../helpers/files';

const BING = id('50023519520101015');
const WU = id('50023519540101019');
const JI = id('50023519550101023');

test('居民缴费明细: its flags shown with how each reads, an unknown one not imported, a reversal of nothing marked done but never recorded', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  for (const [idNumber, name] of [
    [BING, '丙'],
    [WU, '戊'],
    [JI, '己'],
  ] as const)
    await call('roster.addPerson', { idNumber, name, householdId: h.id });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-platform-'));
  const head = [
    '人员姓名',
    '证件号码',
    '险种类型',
    '电子税票号码',
    '费款所属期',
    '个人缴费金额',
    '财政补助金额',
    '其他缴费金额',
    '缴费总金额',
    '缴费时间',
    '核销标志',
    '缴费标志',
  ];
  const file = writeCsv(
    path.join(dir, '居民缴费明细.csv'),
    [
      head,
      ['丙', BING, '390', 'T-1', '2024', '380', '640', '0', '1020', '2023-11-06 10:00:00', 'Z', '1'],
      ['戊', WU, '390', 'T-9', '2024', '-380', '-640', '0', '-1020', '2023-11-07 10:00:00', '冲红', '1'],
      ['己', JI, '390', 'T-3', '2024', '380', '640', '0', '1020', '2023-11-08 10:00:00', 'C', '1'],
    ],
    'gbk',
  );

  await page.clock.install({ time: new Date('2023-11-10T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '缴费记录');
  await fileInput(page).setInputFiles(file);
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('记入参保1');
  await expect(counts).toContainText('待核实1');
  await expect(counts).toContainText('冲销（作废缴费）0');
  await expect(counts).toContainText('有问题1');
  const flags = page.getByTestId('flag-values');
  await expect(flags.getByRole('row', { name: /核销标志 C 1 不认识/ })).toBeVisible();
  await expect(flags.getByRole('row', { name: /核销标志 冲红 1 冲销/ })).toBeVisible();
  await expect(flags.getByRole('row', { name: /险种类型 390 3 城乡居民医保/ })).toBeVisible();
  await screenshot(page, 'platform-payments-dry-run-1366');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const tile = page.getByRole('button', { name: '待核实缴费' });
  await expect(tile).toContainText('1');
  await tile.click();
  await page.getByRole('row', { name: /戊/ }).getByRole('button', { name: '处理', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '处理待核实冲销：戊' });
  await expect(dialog.getByText('这是一笔冲销（电子税票号码 T-9），不是缴费，不能登记为参保。')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '登记参保' })).toHaveCount(0);
  await dialog.getByLabel('处理情况').fill('原缴费不在本镇，已告知医保局');
  await screenshot(page, 'platform-payments-reversal-1366');
  await dialog.getByRole('button', { name: '标为已处理' }).click();
  await expect(tile).toContainText('0');
  fs.rmSync(dir, { recursive: true, force: true });
});
