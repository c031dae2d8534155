// Layouts the program does not know, mapped on screen (issue 15): a department list whose
// headers are its own, and a targets sheet headed 单位 | 指标. The next file of each reads itself.
import { api, choose, expect, id, screenshot, test, fileInput } from './fixtures';

const csv = (rows: string[][]) => Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n'));

test('the clerk points at the header row and the columns of a list the program did not read, and the next one reads itself', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('villages.add', { code: '002', name: '团结村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '1' });
  const zs = id('50023519600501011');
  await call('roster.addPerson', { idNumber: zs, name: '张三', householdId: h.id, relation: '户主' });
  call.seal();
  const list = (name: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: csv([
      ['某某街道2023年11月救助花名册', '', ''],
      ['救助对象', '公民号', '救助种类'],
      ['张三', zs, '城乡低保'],
    ]),
  });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '部门认定名单');
  await choose(page, '认定部门', '民政局');
  await fileInput(page).setInputFiles(list('救助花名册.csv'));
  const picker = page.getByTestId('columns-picker');
  await expect(picker).toBeVisible();
  await picker.getByRole('row', { name: /救助对象/ }).click();
  await choose(page, '身份证号所在的列', 'B 列：公民号');
  await choose(page, '姓名所在的列', 'A 列：救助对象');
  await choose(page, '人员类别所在的列', 'C 列：救助种类');
  await screenshot(page, 'import-columns-picker-1366');
  await picker.getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('认定1');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await fileInput(page).setInputFiles(list('救助花名册12月.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('无变化1');
  await expect(page.getByTestId('columns-picker')).toHaveCount(0);

  const targets = (name: string, a: number, b: number) => ({
    name,
    mimeType: 'text/csv',
    buffer: csv([
      ['单位', '指标'],
      ['幸福村', String(a)],
      ['团结村', String(b)],
    ]),
  });
  await page.getByRole('menuitem', { name: '进度' }).click();
  await fileInput(page).setInputFiles(targets('指标.csv', 100, 200));
  await choose(page, '村（社区）所在的列', 'A 列：单位');
  await choose(page, '任务数所在的列', 'B 列：指标');
  await page.getByTestId('columns-picker').getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByTestId('progress-notice')).toHaveText('已导入 2 个村（社区）的任务数，合计 300。');
  await fileInput(page).setInputFiles(targets('指标-下次.csv', 150, 250));
  await expect(page.getByTestId('progress-notice')).toHaveText('已导入 2 个村（社区）的任务数，合计 400。');
  await expect(page.getByTestId('columns-picker')).toHaveCount(0);
});

test('an admin gives the county’s division code in 设置, and the 医保 list sets who is insured where, with the changes shown first', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '1' });
  const [a, b] = [id('50023519600501011'), id('50023519620301012')];
  await call('roster.addPerson', { idNumber: a, name: '张三', householdId: h.id, relation: '户主' });
  await call('roster.addPerson', { idNumber: b, name: '李四', householdId: h.id, relation: '配偶' });
  call.seal();

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('所属区县').fill('云阳县');
  await page.getByLabel('乡镇/街道').fill('农坝镇');
  await page.getByLabel('本县区划代码').fill('50023');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.getByRole('alert')).toContainText('6 位数字');
  await page.getByLabel('本县区划代码').fill('500235');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.getByText('已保存。')).toBeVisible();

  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '医保参保核实名单');
  const header =
    '姓名,身份证号,居民医保所属区划,职工医保所属区划,资助金额,个人缴费金额,是否参保职工,是否参保居民,参保类型,金保号,参保年度(职工),参保年度(居民),居民医保参保状态,大学生医保参保状态,职工医保参保状态,特殊人员身份类别';
  await fileInput(page).setInputFiles({
    name: '困难人员参保核实.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '\ufeff' + [header, `张三,${a},,500101,,,是,否,,J001,2024,,,,参保缴费,`, `李四,${b},500235,,0,380,否,是,,J002,,2023,正常参保,,,低保对象`].join('\r\n'),
    ),
  });
  await expect(page.getByTestId('import-counts')).toContainText('更新情况1');
  await expect(page.getByTestId('import-counts')).toContainText('年度参保记录2');
  await expect(page.getByText('县外参保：无 → 县外市内参加职工医保（500101）')).toBeVisible();
  await expect(page.getByText('2023 年居民医保：已参保（500235）')).toBeVisible();
  await screenshot(page, 'import-insurance-diff-1366');
  // A dry run that went through can still be corrected: the picker opens on the columns it used.
  await page.getByRole('button', { name: '列认错了？更正表头和各列…' }).click();
  const picker = page.getByTestId('columns-picker');
  await expect(picker.getByLabel('职工医保所属区划所在的列').locator('..')).toContainText('D 列：职工医保所属区划');
  await choose(page, '职工医保所属区划所在的列', 'C 列：居民医保所属区划');
  await expect(picker).toContainText('C 列同时选给了 “职工医保所属区划”和“居民医保所属区划”，一列只能对应一项。');
  await expect(picker.getByRole('button', { name: '按此试导入' })).toBeDisabled();
  await choose(page, '居民医保所属区划所在的列', 'D 列：职工医保所属区划');
  await picker.getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByText('县外参保：无 → 县外市内参加职工医保（500101）')).toHaveCount(0);
  await page.getByRole('button', { name: '列认错了？更正表头和各列…' }).click();
  await choose(page, '职工医保所属区划所在的列', 'D 列：职工医保所属区划');
  await choose(page, '居民医保所属区划所在的列', 'C 列：居民医保所属区划');
  await page.getByTestId('columns-picker').getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByText('县外参保：无 → 县外市内参加职工医保（500101）')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toContainText('年度参保记录 2');

  await page.getByRole('menuitem', { name: '花名册' }).click();
  await page.getByLabel('搜索人员').fill('张三');
  await page.getByLabel('搜索人员').press('Enter');
  const years = page.getByTestId('insurance-years');
  await expect(years.getByRole('row', { name: /2024\s*职工医保\s*已参保\s*500101\s*困难人员参保核实\.csv/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: '导入医保参保核实', exact: true }).first()).toBeVisible();
  await years.scrollIntoViewIfNeeded();
  await screenshot(page, 'person-insurance-years-1366');
});

test('a layout saved from a mislabelled roster is set aside for an honest file under the same header, and the screen says why', async ({
  page,
  host,
  request,
}) => {
  const call = await api(request, host.url);
  await call('villages.add', { code: '001', name: '幸福村' });
  call.seal();
  const roster = (name: string, rows: string[][]) => ({
    name,
    mimeType: 'text/csv',
    buffer: csv([['村', '户号', '姓名', '与户主关系', '公民身份号码'], ...rows]),
  });

  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await choose(page, '导入内容', '花名册');
  // 姓名 holds the relation, 与户主关系 the name: the clerk swaps them by hand and commits.
  await fileInput(page).setInputFiles(roster('错列.csv', [['幸福村', '0001', '户主', '张三', id('50023519600501011')]]));
  await expect(page.getByTestId('mapping-note')).toHaveText('各列对应：按表头文字');
  await page.getByRole('button', { name: '列认错了？更正表头和各列…' }).click();
  await choose(page, '姓名所在的列', 'D 列：与户主关系');
  await choose(page, '与户主关系所在的列', 'C 列：姓名');
  await page.getByTestId('columns-picker').getByRole('button', { name: '按此试导入' }).click();
  await expect(page.getByTestId('mapping-note')).toHaveText('各列对应：按您选的列对应');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // The next file is honest: the saved layout is not used, and the screen says why.
  await fileInput(page).setInputFiles(roster('花名册.csv', [['幸福村', '0002', '王五', '户主', id('50023519700101033')]]));
  const note = page.getByTestId('mapping-note');
  await expect(note).toContainText('按表头文字：上次保存的列对应');
  await expect(note).toContainText('“姓名”：上次保存的是 D 列“与户主关系”，表头文字说是 C 列“姓名”');
  const picker = page.getByTestId('columns-picker');
  await expect(picker.getByTestId('layout-disagreements')).toContainText('“与户主关系”：上次保存的是 C 列“姓名”，表头文字说是 D 列“与户主关系”');
  await expect(picker.getByLabel('姓名所在的列').locator('..')).toContainText('C 列：姓名');
  await screenshot(page, 'import-layout-set-aside-1366');
});
