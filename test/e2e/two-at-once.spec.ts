// Two clerks on one ledger, seen from the screen of one of them: a dry run overtaken by the other
// clerk's edit is refused with what changed and offered again; an undo over the other clerk's
// later edit is refused, and undoing the rest keeps that edit and names whom it kept.
import { api, choose, expect, id, screenshot, test, fileInput } from './fixtures';

const csv = (rows: string[][]) => Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n'));
const YI = id('50023519600501011');
const BING = id('50023519700101033');

test('a dry run overtaken by another clerk is refused with what changed, and dry-run again; an undo keeps a later edit when asked', async ({
  page,
  host,
  request,
}) => {
  // The other clerk works through the same handler map from a tab of their own.
  const other = await api(request, host.url);
  const v = await other('villages.add', { code: '001', name: '幸福村' });
  const h = await other('roster.addHousehold', { villageId: v.id, number: '0001' });
  const yi = await other('roster.addPerson', { idNumber: YI, name: '乙', householdId: h.id, phone: '13800000001' });
  const file = (name: string, phone: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: csv([
      ['村', '户号', '姓名', '与户主关系', '公民身份号码', '联系电话'],
      ['幸福村', '0001', '乙', '户主', YI, phone],
      ['幸福村', '0002', '丙', '户主', BING, '13800000003'],
    ]),
  });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '花名册');
  await fileInput(page).setInputFiles(file('花名册.csv', '13800000002'));
  await expect(page.getByTestId('import-counts')).toBeVisible();
  // Meanwhile the other clerk corrects 乙's phone at the desk.
  await other('roster.updatePerson', { id: yi.id, phone: '13900000009', seen: yi.version });
  await page.getByRole('button', { name: '确认导入' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '试导入之后' });
  await expect(refusal).toContainText('文件中有 1 人在台账里又有了改动');
  await expect(refusal).toContainText('乙（身份证号 500235…');
  await expect(refusal).toContainText('联系电话改为“13900000009”');
  await screenshot(page, 'import-overtaken-1366');
  await refusal.getByRole('button', { name: '按现在的台账重新试导入' }).click();
  await expect(page.getByTestId('import-counts')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // The other clerk changes 乙 again after the import; undoing the import would wipe that out.
  const now = (await other('roster.getPerson', { id: yi.id })).person;
  await other('roster.updatePerson', { id: yi.id, phone: '13900000010', seen: now.version });
  await page.getByRole('button', { name: '撤销整批' }).first().click();
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  const undo = page.getByRole('alert').filter({ hasText: '整批撤销会把后来的改动一起抹掉' });
  await expect(undo).toContainText('其中 1 人又被改过');
  await expect(undo).toContainText('联系电话改为“13900000010”');
  await screenshot(page, 'undo-changed-since-1366');
  await undo.getByRole('button', { name: '撤销其余部分' }).click();
  await page.getByRole('button', { name: '撤销其余部分', exact: true }).last().click();
  await expect(page.getByTestId('undo-kept')).toContainText('其中 1 人后来又被改过，保留了现在的样子：乙（身份证号 500235…');
  // 丙, whom the import added, is gone; 乙 keeps the other clerk's phone.
  expect((await other('roster.search', { q: '丙' })).length).toBe(0);
  expect((await other('roster.getPerson', { id: yi.id })).person.phone).toBe('13900000010');
  await screenshot(page, 'undo-kept-later-1366');
});
