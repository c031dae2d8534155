// The files an office really receives, in their own layouts and words (issue 15): the county's
// 附件2 and 瑞州's task table, and department lists whose category column goes by another name
// (监测对象类别, 优抚类别, 残疾等级) or holds several categories. Written by LibreOffice and iconv.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv } from '../../helpers/files';
import { idFor } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeEach(() => {
  t = openTestLedger('2023-11-22T02:00:00Z');
  dir = tempDir('canbao-layouts-');
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const VILLAGES = ['农坝社区', '幸福村', '团结村', '双河村', '红岩村', '石门村', '青龙村'];

async function addVillages(names: string[]) {
  for (const [i, name] of names.entries()) await t.ok('villages.add', { code: String(i + 1).padStart(3, '0'), name });
}

describe('task tables as the county sends them', () => {
  it.runIf(hasSoffice)(
    '附件2 in the seed’s layout (label, title, 乡镇名称 over the villages, 合计) imports as it is, from LibreOffice’s xlsx and from a GBK CSV',
    async () => {
      await addVillages(VILLAGES);
      const rows = [
        ['附件2', ''],
        ['农坝镇2024年度城乡居民基本医疗保险参保目标任务分解表', ''],
        ['乡镇名称', '2024年参保目标任务数'],
        ...VILLAGES.map((v, i) => [v, String(1000 + i * 100)]),
        ['合计', String(VILLAGES.reduce((s, _, i) => s + 1000 + i * 100, 0))],
      ];
      const xlsx = soffice(writeCsv(path.join(dir, '附件2.csv'), rows), 'xlsx', dir, 'CSV:44,34,76,1');
      expect(await t.ok('targets.import', { coverageYear: 2024, file: xlsx })).toEqual({ villages: 7, total: 9100 });
      const gbk = writeCsv(path.join(dir, '附件2-gbk.csv'), rows, 'gb18030');
      expect(await t.ok('targets.import', { coverageYear: 2024, file: gbk })).toEqual({ villages: 7, total: 9100 });
      const progress = await t.ok('reports.progress', { coverageYear: 2024 });
      expect(progress.find((p) => p.villageName === '青龙村')?.target).toBe(1600);
    },
    180_000,
  );

  it.runIf(hasSoffice)(
    '瑞州’s 指导性任务表 (村居 | 2024年指导性任务数 | 备注, no 合计) imports as it is',
    async () => {
      await addVillages(['锦江村', '城南社区', '石脑村']);
      const rows = [
        ['瑞州街道2024年度城乡居民医保参保指导性任务表', '', ''],
        ['村居', '2024年指导性任务数', '备注'],
        ['锦江村', '2100', ''],
        ['城南社区', '3400', '含学生'],
        ['石脑村', '1800', ''],
      ];
      const xlsx = soffice(writeCsv(path.join(dir, '瑞州任务.csv'), rows), 'xlsx', dir, 'CSV:44,34,76,1');
      expect(await t.ok('targets.import', { coverageYear: 2024, file: xlsx })).toEqual({ villages: 3, total: 7300 });
    },
    180_000,
  );
});

describe('department lists under their own headers', () => {
  async function roster(people: [string, string][]) {
    await addVillages(['幸福村']);
    const v = (await t.ok('villages.list', {}))[0]!;
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const h = await t.ok('roster.addHousehold', { villageId: v.id, number: '1' });
    const ids: Record<string, { id: number; idNumber: string }> = {};
    let seq = 11;
    for (const [name, birth] of people) ids[name] = await t.ok('roster.addPerson', { idNumber: idFor(birth, (seq += 2)), name, householdId: h.id });
    return ids;
  }

  /** A department's list through LibreOffice, its ID column (the third) kept as text. */
  const list = (name: string, rows: string[][]) => soffice(writeCsv(path.join(dir, `${name}.csv`), rows), 'xlsx', dir, 'CSV:44,34,76,1,3/2');

  it.runIf(hasSoffice)(
    '乡村振兴 (监测对象类别), 退役军人 (优抚类别) and 残联 (残疾等级 only) lists certify what they say',
    async () => {
      const p = await roster([
        ['甲', '1950-01-01'],
        ['乙', '1951-01-01'],
        ['丙', '1952-01-01'],
        ['丁', '1953-01-01'],
      ]);
      const zx = list('乡村振兴监测对象', [
        ['2023年防止返贫监测对象名单', '', '', ''],
        ['序号', '姓名', '身份证号码', '监测对象类别'],
        ['1', '甲', p['甲']!.idNumber, '脱贫不稳定户'],
        ['2', '乙', p['乙']!.idNumber, '突发严重困难户'],
      ]);
      const a = await t.ok('import.preview', { kind: 'categories', file: zx, options: { department: 'rural_revitalization', validFrom: '2023-11-01' } });
      expect(a.counts).toMatchObject({ certify: 2, problems: 0 });
      await t.ok('import.commit', { token: a.token });

      const vet = list('优抚对象', [
        ['序号', '姓名', '身份证号', '优抚类别'],
        ['1', '丙', p['丙']!.idNumber, '在乡老复员军人'],
      ]);
      const b = await t.ok('import.preview', { kind: 'categories', file: vet, options: { department: 'veterans', validFrom: '2023-11-01' } });
      expect(b.counts).toMatchObject({ certify: 1, problems: 0 });
      await t.ok('import.commit', { token: b.token });

      const cl = list('残联名单', [
        ['序号', '姓名', '身份证号', '残疾类别', '残疾等级'],
        ['1', '丁', p['丁']!.idNumber, '肢体', '二级'],
        ['2', '甲', p['甲']!.idNumber, '视力', '三级'],
      ]);
      const c = await t.ok('import.preview', { kind: 'categories', file: cl, options: { department: 'disabled_federation', validFrom: '2023-11-01' } });
      expect(c.counts).toMatchObject({ certify: 2, problems: 0 });
      await t.ok('import.commit', { token: c.token });

      const cats = async (name: string) => (await t.ok('roster.getPerson', { id: p[name]!.id })).categories.map((x) => x.code).sort();
      expect(await cats('甲')).toEqual(['disability_3_4', 'unstable_lifted']);
      expect(await cats('乙')).toEqual(['sudden_hardship']);
      expect(await cats('丙')).toEqual(['old_demobilized']);
      expect(await cats('丁')).toEqual(['severe_disability']);
    },
    180_000,
  );

  it('takes 姓名 over 户主姓名, 识别时间 as the date certified, and skips the list’s 合计 line (a GBK CSV)', async () => {
    const p = await roster([
      ['王富贵', '1950-01-01'],
      ['刘桂兰', '1952-01-01'],
    ]);
    const file = writeCsv(
      path.join(dir, '监测对象.csv'),
      [
        ['序号', '户主姓名', '姓名', '身份证号码', '与户主关系', '监测对象类别', '识别时间'],
        ['1', '王富贵', '王富贵', p['王富贵']!.idNumber, '户主', '脱贫不稳定户', '2022年3月1日'],
        ['2', '王富贵', '刘桂兰', p['刘桂兰']!.idNumber, '配偶', '脱贫不稳定户', '2022年3月1日'],
        ['合计', '', '2人', '', '', '', ''],
      ],
      'gb18030',
    );
    const a = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'rural_revitalization' } });
    expect(a.mapping).toMatchObject({ name: 2, idNumber: 3, validFrom: 6 });
    expect(a).toMatchObject({ rows: 2, counts: { certify: 2, problems: 0 } });
    await t.ok('import.commit', { token: a.token });
    expect((await t.ok('roster.getPerson', { id: p['刘桂兰']!.id })).categories[0]).toMatchObject({ code: 'unstable_lifted', validFrom: '2022-03-01' });
  });

  it('reads another county’s 民政 list (保障类别, 批准日期, 农村特困供养人员, a 制表人 footing) and says who it certifies; its lost are of its own groups only', async () => {
    const p = await roster([
      ['甲', '1950-01-01'],
      ['乙', '1951-01-01'],
      ['丙', '1952-01-01'],
    ]);
    // 丙 is 低保边缘户 from an earlier 民政 list; 乙's 低保 came from the desk, dated later than this list says.
    await t.ok('categories.certify', { personId: p['乙']!.id, code: 'min_living', validFrom: '2023-12-01', source: '手工', department: 'civil_affairs' });
    const first = writeCsv(path.join(dir, '边缘户.csv'), [
      ['姓名', '身份证号', '人员类别'],
      ['丙', p['丙']!.idNumber, '低保边缘户'],
    ]);
    await t.ok('import.commit', { token: (await t.ok('import.preview', { kind: 'categories', file: first, options: { department: 'civil_affairs' } })).token });
    const file = writeCsv(
      path.join(dir, '某县低保特困.csv'),
      [
        ['某县2023年城乡低保、特困供养对象花名册', '', '', '', ''],
        ['序号', '户主姓名', '姓名', '身份证号码', '保障类别', '批准日期'],
        ['1', '甲', '甲', p['甲']!.idNumber, '农村特困供养人员', '2023年6月1日'],
        ['2', '乙', '乙', p['乙']!.idNumber, '农村低保', '20230920'],
        ['制表人：张某', '', '', '', '', '打印时间：2023-11-20 10:00'],
      ],
      'gb18030',
    );
    const a = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs' } });
    expect(a.problems).toEqual([]);
    expect(a.counts).toEqual({ certify: 1, redate: 1, unchanged: 0, lost: 0, problems: 0 });
    expect(a.changes.map((c) => [c.name, c.what])).toEqual([
      ['甲', ['认定：特困人员（自 2023-06-01）']],
      ['乙', ['更正认定日期：城乡低保对象 2023-12-01 → 2023-09-20']],
    ]);
  });

  it('moves no other department’s certification: 残联’s 重度残疾 stays as 残联 dated it when 民政’s list names it earlier', async () => {
    const p = await roster([['丁', '1953-01-01']]);
    await t.ok('categories.certify', {
      personId: p['丁']!.id,
      code: 'severe_disability',
      validFrom: '2023-12-01',
      source: '残联',
      department: 'disabled_federation',
    });
    const file = writeCsv(path.join(dir, '民政重残.csv'), [
      ['姓名', '身份证号', '人员类别', '认定日期'],
      ['丁', p['丁']!.idNumber, '城乡重度(一、二级)残疾人员', '2020-09-01'],
    ]);
    const a = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs' } });
    expect(a.counts).toMatchObject({ certify: 0, redate: 0, unchanged: 1 });
  });

  it('certifies every category of a cell that names several, and lists an unknown or ambiguous label for the clerk', async () => {
    const p = await roster([
      ['甲', '1950-01-01'],
      ['乙', '1951-01-01'],
      ['丙', '1952-01-01'],
    ]);
    const file = writeCsv(
      path.join(dir, '民政名单.csv'),
      [
        ['姓名', '身份证号', '人员类别'],
        ['甲', p['甲']!.idNumber, '城乡低保对象、城乡重度(一、二级)残疾人员'],
        ['乙', p['乙']!.idNumber, '低保中重残重病人员-7019'],
        ['丙', p['丙']!.idNumber, '低保;困难职工'],
      ],
      'gb18030',
    );
    const r = await t.ok('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs', validFrom: '2023-11-01' } });
    expect(r.counts).toMatchObject({ certify: 2, problems: 2 });
    expect(r.problems.map((x) => x.message)).toEqual([
      expect.stringContaining('对应多个类别（城乡低保对象、城乡重度(一、二级)残疾人员、因病致贫家庭重病患者）'),
      expect.stringContaining('“困难职工”对不上任何资助类别'),
    ]);
    await t.ok('import.commit', { token: r.token });
    expect((await t.ok('roster.getPerson', { id: p['甲']!.id })).categories.map((x) => x.code).sort()).toEqual(['min_living', 'severe_disability']);
    expect((await t.ok('roster.getPerson', { id: p['丙']!.id })).categories).toEqual([]);
  });
});

describe('the household register (户籍) as the police station exports it', () => {
  it('imports as a roster without mapping; a changed 户号 is an update of the same person', async () => {
    await addVillages(['幸福村']);
    const header = ['公民身份号码', '户号', '姓名', '性别', '民族', '出生年月日', '户籍地详址', '社区村居委会', '户籍地组', '与户主关系', '电话', '是否在籍'];
    const a = idFor('1960-05-01', 11);
    const b = idFor('1962-03-02', 12);
    const first = writeCsv(
      path.join(dir, '户籍.csv'),
      [
        header,
        [a, '0001', '张三', '男', '汉族', '19600501', '农坝镇幸福村3组12号', '幸福村', '3组', '户主', '13800000001', '是'],
        [b, '0001', '李四', '女', '汉族', '19620302', '农坝镇幸福村3组12号', '幸福村', '3组', '配偶', '', '是'],
      ],
      'gb18030',
    );
    const p = await t.ok('import.preview', { kind: 'roster', file: first });
    expect(p.counts).toMatchObject({ add: 2, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    const moved = writeCsv(
      path.join(dir, '户籍-新.csv'),
      [header, [b, '0002', '李四', '女', '汉族', '19620302', '农坝镇幸福村3组15号', '幸福村', '3组', '户主', '', '是']],
      'gb18030',
    );
    const q = await t.ok('import.preview', { kind: 'roster', file: moved });
    expect(q.counts).toMatchObject({ add: 0, update: 1, problems: 0 });
    expect(q.changes).toEqual([{ row: 2, name: '李四', idNumber: b, what: ['户号：0001 → 0002', '与户主关系：配偶 → 户主'] }]);
  });

  it('是否在籍 = 否 gives the not-enrolled reason 户口迁出 for the year (注销 gives 已注销户口); a reason a village gave stays; undo takes them back', async () => {
    await addVillages(['幸福村']);
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const header = ['公民身份号码', '户号', '姓名', '性别', '民族', '出生年月日', '户籍地详址', '社区村居委会', '户籍地组', '与户主关系', '电话', '是否在籍'];
    const [a, b, c, d] = [11, 12, 13, 14].map((n) => idFor('1960-05-01', n));
    const row = (id: string, name: string, relation: string, registered: string) => [
      id,
      '0001',
      name,
      '男',
      '汉族',
      '19600501',
      '农坝镇幸福村3组12号',
      '幸福村',
      '3组',
      relation,
      '',
      registered,
    ];
    const first = writeCsv(path.join(dir, '户籍.csv'), [header, row(a!, '张一', '户主', '是'), row(d!, '张四', '子', '是')], 'gb18030');
    await t.ok('import.commit', { token: (await t.ok('import.preview', { kind: 'roster', file: first })).token });
    // The village said 张四 is 拒参 this year: the register's 否 does not overwrite it.
    const dId = t.ctx.db.prepare('SELECT id FROM persons WHERE id_number = ?').pluck().get(d) as number;
    t.ctx.db
      .prepare("INSERT INTO not_enrolled_reasons (person_id, coverage_year, reason, note, source, set_at) VALUES (?, 2024, 'refused', '', '村', 'x')")
      .run(dId);

    const file = writeCsv(
      path.join(dir, '户籍-2.csv'),
      [
        header,
        row(a!, '张一', '户主', '否'),
        row(b!, '张二', '妻', '注销'),
        row(c!, '张三', '子', '在籍'),
        row(d!, '张四', '子', '否'),
        row(idFor('1961-01-01', 15), '张五', '子', '不知道'),
      ],
      'gb18030',
    );
    const p = await t.ok('import.preview', { kind: 'roster', file });
    expect(p.counts).toMatchObject({ add: 2, unchanged: 2, leaving: 2, problems: 1 });
    expect(p.problems).toEqual([expect.objectContaining({ row: 6, field: 'registered', message: expect.stringContaining('是否在籍“不知道”') })]);
    expect(p.changes.map((c) => [c.name, c.what])).toEqual([
      ['张一', ['不在籍：2024 年度未参保原因记为“户口迁出”']],
      ['张二', ['不在籍：2024 年度未参保原因记为“已注销户口”（新增人员）']],
    ]);
    const { id: batchId } = await t.ok('import.commit', { token: p.token });
    const reasons = () =>
      t.ctx.db
        .prepare('SELECT p.name, n.coverage_year AS year, n.reason FROM not_enrolled_reasons n JOIN persons p ON p.id = n.person_id ORDER BY p.name')
        .all();
    expect(reasons()).toEqual([
      { name: '张一', year: 2024, reason: 'moved_out' },
      { name: '张二', year: 2024, reason: 'deregistered' },
      { name: '张四', year: 2024, reason: 'refused' },
    ]);
    // 医保's list has since said something of 张二, whom this batch added: the batch is not undone under it.
    const dId2 = t.ctx.db.prepare('SELECT id FROM persons WHERE id_number = ?').pluck().get(b) as number;
    t.ctx.db
      .prepare("INSERT INTO insurance_history (person_id, coverage_year, scheme, insured, source, set_at) VALUES (?, 2023, 'resident', 1, '医保', 'x')")
      .run(dId2);
    const refused = await t.call('import.undo', { batchId });
    expect(refused).toMatchObject({ ok: false, error: { field: 'keepLater' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/其中 1 人又被改过[\s\S]*· 张二/);
    // The rest is undone; 张二 stays as the ledger has him now, with his reason and 医保's record.
    const done = await t.ok('import.undo', { batchId, keepLater: true });
    expect(done.keptLater).toEqual([expect.stringMatching(/^张二/)]);
    expect(reasons()).toEqual([
      { name: '张二', year: 2024, reason: 'deregistered' },
      { name: '张四', year: 2024, reason: 'refused' },
    ]);
    expect(t.ctx.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(3);
  });
});
