import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
let people: Awaited<ReturnType<typeof seedHousehold>>['persons'];
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-lists-');
  people = (
    await seedHousehold(t, [
      { name: '低保甲', birth: '1950-01-01' },
      { name: '低保乙', birth: '1951-01-01' },
      { name: '特困丙', birth: '1952-01-01' },
      { name: '普通丁', birth: '1990-01-01' },
    ])
  ).persons;
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a department’s category list', () => {
  it('certifies matched persons by the label in the list, and reports IDs the ledger lacks', async () => {
    const file = await writeXlsx(path.join(dir, '民政名单.xlsx'), {
      title: '2023年11月城乡低保、特困人员名单',
      headers: ['序号', '姓名', '身份证号码', '人员类别'],
      rows: [
        [1, '低保甲', people[0]!.idNumber, '城乡低保对象'],
        [2, '低保乙', people[1]!.idNumber, '低保户'],
        [3, '特困丙', people[2]!.idNumber, '特困供养人员'],
        [4, '外人', '11010519491231002X', '低保'],
        [5, '普通丁', people[3]!.idNumber, '不知道'],
      ],
    });
    const p = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs', validFrom: '2023-11-01' } });
    expect(p.counts).toEqual({ certify: 3, redate: 0, unchanged: 0, lost: 0, problems: 2 });
    expect(p.problems.map((x) => x.message)).toEqual([expect.stringContaining('台账中没有身份证号'), expect.stringContaining('“不知道”对不上')]);
    // The batch keeps the dry run's words for the same things.
    expect((await t.ok('import.commit', { token: p.token })).counts).toEqual({ rows: 5, certify: 3, redate: 0, ended: 0, unchanged: 0, problems: 2 });
    const cats = (await t.ok('roster.getPerson', { id: people[1]!.id })).categories;
    expect(cats).toMatchObject([{ code: 'min_living', department: 'civil_affairs', validFrom: '2023-11-01', source: '民政名单' }]);
    const again = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs', validFrom: '2023-12-01' } });
    expect(again.counts).toMatchObject({ certify: 0, unchanged: 3 });
    // The same list dated earlier (it went in first without its date): the certifications start then; undo puts them back.
    const earlier = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs', validFrom: '2023-01-01' } });
    expect(earlier.counts).toMatchObject({ certify: 0, redate: 3, unchanged: 0 });
    const batch = await t.ok('import.commit', { token: earlier.token });
    expect((await t.ok('roster.getPerson', { id: people[1]!.id })).categories).toMatchObject([{ code: 'min_living', validFrom: '2023-01-01' }]);
    await t.ok('import.undo', { batchId: batch.id });
    expect((await t.ok('roster.getPerson', { id: people[1]!.id })).categories).toMatchObject([{ code: 'min_living', validFrom: '2023-11-01' }]);
    // A batch that only re-dated is no list of who is on it: the next list's 减少人员 still come from the last real one.
    await t.ok('import.commit', {
      token: (await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs', validFrom: '2023-01-01' } })).token,
    });
    const shorter = await writeXlsx(path.join(dir, '民政名单12月.xlsx'), {
      headers: ['序号', '姓名', '身份证号码', '人员类别'],
      rows: [
        [1, '低保甲', people[0]!.idNumber, '城乡低保对象'],
        [2, '特困丙', people[2]!.idNumber, '特困供养人员'],
      ],
    });
    const next = await t.ok('import.preview', { kind: 'categories', file: shorter, options: { department: 'civil_affairs', validFrom: '2023-12-01' } });
    expect(next.lost.map((l) => l.name)).toEqual(['低保乙']);
  });

  it('shows who dropped off since the previous list of the department, and can end them', async () => {
    const first = writeCsv(path.join(dir, 'list1.csv'), [
      ['姓名', '身份证号'],
      ['低保甲', people[0]!.idNumber],
      ['低保乙', people[1]!.idNumber],
    ]);
    const p1 = await t.ok('import.preview', {
      kind: 'categories',
      file: first,
      options: { department: 'civil_affairs', code: 'min_living', validFrom: '2023-10-01' },
    });
    await t.ok('import.commit', { token: p1.token });
    const second = writeCsv(path.join(dir, 'list2.csv'), [
      ['姓名', '身份证号'],
      ['低保甲', people[0]!.idNumber],
    ]);
    const p2 = await t.ok('import.preview', {
      kind: 'categories',
      file: second,
      options: { department: 'civil_affairs', code: 'min_living', validFrom: '2023-12-01', endLost: true },
    });
    expect(p2.lost).toEqual([{ name: '低保乙', idNumber: people[1]!.idNumber, code: 'min_living' }]);
    const batch = await t.ok('import.commit', { token: p2.token });
    expect(batch.counts).toMatchObject({ ended: 1 });
    expect((await t.ok('roster.getPerson', { id: people[1]!.id })).categories[0]!.validTo).toBe('2023-11-30');
    await t.ok('import.undo', { batchId: batch.id });
    expect((await t.ok('roster.getPerson', { id: people[1]!.id })).categories[0]!.validTo).toBeNull();
  });

  it('ends nobody while a row of the full list cannot be read, the other rows going in; read clean, it ends the one missing', async () => {
    const list = (name: string, rows: string[][]) => writeCsv(path.join(dir, name), [['姓名', '身份证号'], ...rows], 'gbk');
    const options = { department: 'civil_affairs' as const, code: 'min_living' as const };
    const p1 = await t.ok('import.preview', {
      kind: 'categories',
      file: list('低保10月.csv', [
        ['低保甲', people[0]!.idNumber],
        ['低保乙', people[1]!.idNumber],
      ]),
      // The department's full list: kept whole, the next full list is compared with all of it.
      options: { ...options, validFrom: '2023-10-01', endLost: true },
    });
    await t.ok('import.commit', { token: p1.token });
    // 低保乙 is missing, and a row's ID cannot be read: it may be 低保乙's.
    const torn = await t.ok('import.preview', {
      kind: 'categories',
      file: list('低保12月.csv', [
        ['低保甲', people[0]!.idNumber],
        ['？', '5002351951010'],
        ['特困丙', people[2]!.idNumber],
      ]),
      options: { ...options, validFrom: '2023-12-01', endLost: true },
    });
    expect(torn.counts).toMatchObject({ certify: 1, lost: 1, problems: 1 });
    expect(torn.lostHeld).toMatch(/^有 1 行读不出（见问题行），其中可能就有不在本次名单上的人，这次不终止任何人的认定；其余各行照常导入。/);
    const b1 = await t.ok('import.commit', { token: torn.token });
    expect(b1.counts).toMatchObject({ certify: 1, ended: 0 });
    expect((await t.ok('roster.getPerson', { id: people[1]!.id })).categories[0]!.validTo).toBeNull();
    expect((await t.ok('roster.getPerson', { id: people[2]!.id })).categories.map((c) => c.code)).toEqual(['min_living']);

    const clean = await t.ok('import.preview', {
      kind: 'categories',
      file: list('低保12月-改.csv', [
        ['低保甲', people[0]!.idNumber],
        ['特困丙', people[2]!.idNumber],
      ]),
      options: { ...options, validFrom: '2023-12-01', endLost: true },
    });
    // Compared with the whole October list (the torn one kept no one), not with 特困丙 alone whom December added.
    expect(clean.lostHeld).toBeUndefined();
    expect(clean.lost.map((l) => l.name)).toEqual(['低保乙']);
    expect((await t.ok('import.commit', { token: clean.token })).counts).toMatchObject({ ended: 1 });
    expect((await t.ok('roster.getPerson', { id: people[1]!.id })).categories[0]!.validTo).toBe('2023-11-30');
  });

  it('compares a category’s full list with that category’s last full list, not another category’s of the same department', async () => {
    const list = (name: string, rows: string[][]) => writeCsv(path.join(dir, name), [['姓名', '身份证号'], ...rows], 'gbk');
    const full = async (name: string, code: 'min_living' | 'destitute', rows: string[][]) =>
      t.ok('import.preview', {
        kind: 'categories',
        file: list(name, rows),
        options: { department: 'civil_affairs', code, validFrom: '2023-12-01', endLost: true },
      });
    await t.ok('import.commit', {
      token: (
        await full('低保.csv', 'min_living', [
          ['低保甲', people[0]!.idNumber],
          ['低保乙', people[1]!.idNumber],
        ])
      ).token,
    });
    await t.ok('import.commit', { token: (await full('特困.csv', 'destitute', [['特困丙', people[2]!.idNumber]])).token });
    const next = await full('低保-下月.csv', 'min_living', [['低保甲', people[0]!.idNumber]]);
    expect(next.lost.map((l) => [l.name, l.code])).toEqual([['低保乙', 'min_living']]);
  });

  it('needs the department, and the category when the file has none', async () => {
    const file = writeCsv(path.join(dir, 'nocat.csv'), [
      ['姓名', '身份证号'],
      ['低保甲', people[0]!.idNumber],
    ]);
    expect(await t.call('import.preview', { kind: 'categories', file })).toMatchObject({ ok: false, error: { field: 'options.department' } });
    expect(await t.call('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs' } })).toMatchObject({
      ok: false,
      error: { field: 'options.code' },
    });
  });
});

describe('payments exported from the 医保/税务 systems', () => {
  it('records what agrees with the quote and puts the rest on the 待核实 list', async () => {
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    await t.ok('categories.certify', { personId: people[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '名单' });
    await t.ok('enroll.person', { personId: people[2]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    const file = writeCsv(
      path.join(dir, '缴费明细.csv'),
      [
        ['证件号码', '姓名', '费款所属期', '缴费档次', '缴费金额', '缴费日期', '缴费渠道'],
        [people[0]!.idNumber, '低保甲', '2024', '一档', '38.00', '2023/11/05', '微信'],
        [people[3]!.idNumber, '普通丁', '2024', '', '755', '20231106', '支付宝'],
        [people[1]!.idNumber, '低保乙', '2024', '一档', '38', '2023-11-07', '微信'],
        [people[2]!.idNumber, '特困丙', '2024', '一档', '380', '2023-11-08', '银行'],
        ['11010519491231002X', '外人', '2024', '一档', '380', '2023-11-09', '微信'],
      ],
      'gb18030',
    );
    const p = await t.ok('import.preview', { kind: 'payments', file });
    expect(p.counts).toEqual({ record: 2, pending: 3, unchanged: 0, problems: 0 });
    expect(p.pending.map((x) => x.message)).toEqual([
      expect.stringContaining('与按政策计算的 380 元不符'),
      expect.stringContaining('已登记 2024 年度参保'),
      '不在台账：台账中没有此人。',
    ]);
    expect((await t.ok('import.commit', { token: p.token })).counts).toEqual({ rows: 5, record: 2, pending: 3, unchanged: 0, problems: 0 });
    const e = (await t.ok('roster.getPerson', { id: people[3]!.id })).enrollments[0]!;
    expect(e).toMatchObject({ tier: 2, personalFen: 75500, paidOn: '2023-11-06', channel: '支付宝' });
    expect((await t.ok('payments.pending', { coverageYear: 2024 })).map((x) => x.name)).toEqual(['低保乙', '特困丙', '外人']);
  });
});

describe('lists the villages fill in and send back', () => {
  it('re-imports the not-enrolled worklist: reasons from its dropdown become statuses and out-of-county kinds', async () => {
    const { file } = await t.ok('export.write', { kind: 'notEnrolled', coverageYear: 2024 });
    // The village opens the list, picks reasons from the dropdown for two people, saves.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => {
      if (row.getCell(4).value === '特困丙') row.getCell(7).value = '死亡';
      if (row.getCell(4).value === '普通丁') {
        row.getCell(7).value = '市外参加职工医保';
        row.getCell(8).value = '重庆某公司';
      }
    });
    await wb.xlsx.writeFile(file);
    const p = await t.ok('import.preview', { kind: 'situations', file });
    expect(p.counts).toEqual({ apply: 2, unchanged: 0, problems: 0 });
    expect(p.changes.map((c) => [c.name, c.what])).toEqual([
      ['特困丙', ['人员状态：死亡']],
      ['普通丁', ['县外参保：市外参加职工医保（重庆某公司）']],
    ]);
    const batch = await t.ok('import.commit', { token: p.token });
    expect(batch.counts).toEqual({ rows: p.rows, apply: 2, unchanged: 0, problems: 0 });
    expect((await t.ok('roster.getPerson', { id: people[2]!.id })).person).toMatchObject({ status: 'deceased', statusOn: '2024-01-10' });
    expect((await t.ok('roster.getPerson', { id: people[3]!.id })).person).toMatchObject({ outOfCounty: 'out_city_employee', outOfCountyPlace: '重庆某公司' });
    // The list's year is kept as that year's record: 2025 will count 2024 as insured (职工医保).
    const years = () => t.ctx.db.prepare('SELECT coverage_year AS year, scheme, insured, source FROM insurance_history WHERE person_id = ?').all(people[3]!.id);
    expect(years()).toEqual([{ year: 2024, scheme: 'employee', insured: 1, source: expect.stringMatching(/\.xlsx$/) }]);
    await t.ok('import.undo', { batchId: batch.id });
    expect((await t.ok('roster.getPerson', { id: people[2]!.id })).person.status).toBe('active');
    expect(years()).toEqual([]);
  });

  it('keeps the glossary’s not-enrolled reasons per year, shows them on the next list, and undoes them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const answer = async (file: string, answers: Record<string, [string, string?]>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      const dropdown = ws.getCell('G4').dataValidation?.formulae?.[0] as string | undefined;
      ws.eachRow((row) => {
        const a = answers[String(row.getCell(4).value)];
        if (a) {
          row.getCell(7).value = a[0];
          if (a[1]) row.getCell(8).value = a[1];
        }
      });
      await wb.xlsx.writeFile(file);
      return dropdown;
    };
    const first = await t.ok('export.write', { kind: 'notEnrolled', coverageYear: 2024 });
    const dropdown = await answer(first.file, { 低保甲: ['拒参'], 低保乙: ['户口迁出', '迁往成都'], 普通丁: ['其他', '长期在外务工'] });
    expect(dropdown).toContain('拒参');
    expect(dropdown).toContain('户口迁出');
    const p = await t.ok('import.preview', { kind: 'situations', file: first.file });
    expect(p.counts).toEqual({ apply: 3, unchanged: 0, problems: 0 });
    const batch = await t.ok('import.commit', { token: p.token });
    const rows = t.ctx.db.prepare('SELECT person_id AS id, coverage_year AS year, reason, note FROM not_enrolled_reasons ORDER BY person_id').all();
    expect(rows).toEqual([
      { id: people[0]!.id, year: 2024, reason: 'refused', note: '' },
      { id: people[1]!.id, year: 2024, reason: 'moved_out', note: '迁往成都' },
      { id: people[3]!.id, year: 2024, reason: 'other', note: '长期在外务工' },
    ]);
    // Still in scope: they stay on the list, with the village's answer shown.
    const again = await t.ok('export.write', { kind: 'notEnrolled', coverageYear: 2024 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again.file);
    const shown: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => shown.push([String(r.getCell(4).value), r.getCell(7).text, r.getCell(8).text]));
    expect(shown).toContainEqual(['低保乙', '户口迁出', '迁往成都']);
    const same = await t.ok('import.preview', { kind: 'situations', file: again.file });
    expect(same.counts).toMatchObject({ apply: 0, unchanged: 3 });
    // A later list changes 低保甲's answer: the earlier batch cannot be undone over it.
    await answer(again.file, { 低保甲: ['失踪'] });
    const later = await t.ok('import.commit', { token: (await t.ok('import.preview', { kind: 'situations', file: again.file })).token });
    expect(await t.call('import.undo', { batchId: batch.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('撤销会把后来的改动一起抹掉') },
    });
    await t.ok('import.undo', { batchId: later.id });
    expect(t.ctx.db.prepare('SELECT reason FROM not_enrolled_reasons WHERE person_id = ?').pluck().get(people[0]!.id)).toBe('refused');
    await t.ok('import.undo', { batchId: batch.id });
    expect(t.ctx.db.prepare('SELECT count(*) FROM not_enrolled_reasons').pluck().get()).toBe(0);
  });

  it('re-imports 附件4 and refuses a value that is not in the dropdown', async () => {
    const file = await writeXlsx(path.join(dir, '附件4.xlsx'), {
      title: '农坝镇2024年度县外参加基本医疗保险情况明细表',
      headers: [
        '序号',
        '乡镇',
        '村',
        '姓名',
        '身份证号',
        '联系电话',
        '县外参保情况（下拉框选择）',
        '现参保地（职工医保填写到单位，居民医保填写到街道，大学生填写大学名称）',
      ],
      rows: [
        [1, '农坝镇', '幸福村', '低保甲', people[0]!.idNumber, '', '服刑', ''],
        [2, '农坝镇', '幸福村', '低保乙', people[1]!.idNumber, '', '在外地打工', ''],
        // The village filled 低保甲 in twice: which answer holds is the clerk's to say.
        [3, '农坝镇', '幸福村', '低保甲', people[0]!.idNumber, '', '参军', ''],
        // 附件5's words, and the older dropdown's.
        [4, '农坝镇', '幸福村', people[2]!.name, people[2]!.idNumber, '', '县外市内参加居民医保（大学生医保）', '西南大学'],
        [5, '农坝镇', '幸福村', people[3]!.name, people[3]!.idNumber, '', '市外参加居民医保(含大学生医保)', '四川大学'],
      ],
    });
    const p = await t.ok('import.preview', { kind: 'situations', file });
    expect(p.counts).toEqual({ apply: 3, unchanged: 0, problems: 2 });
    expect(p.problems[0]!.message).toContain('“在外地打工”不是下拉框中的选项');
    expect(p.problems[1]).toMatchObject({ row: 5, field: 'idNumber', message: '身份证号与第 3 行重复。' });
  });
});
