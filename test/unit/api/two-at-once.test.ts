// Two windows on one ledger: a dry run is a promise about the rows it read, an undo or a restore
// ends every open dry run, ids are never reused, and a write unrelated to the file does not
// refuse its commit.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, handlers } from '../../../src-main/api/index';
import type { ApiInput, ApiName, ApiOutput, Result } from '../../../src-main/api/contract';
import { openTestLedger, tempDirs, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor } from '../../helpers/people';

// Each case runs several imports through the real import worker (loaded from sources, ~3 s a
// task): on a loaded 2-core machine a case needs more than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

const { fresh, cleanup } = tempDirs();
let t: TestLedger;
let dir: string;

/** One window's calls (the desktop's second window, or a second clerk's). */
const windowOf =
  (key: string) =>
  async <K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Result<ApiOutput<K>>> =>
    (await dispatch(handlers, t.ctx, name, arg, key)) as Result<ApiOutput<K>>;
const A = windowOf('window:1');
const B = windowOf('window:2');
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const YI = idFor('1960-05-01', 11);
const DING = idFor('1962-07-01', 13);
const BING = idFor('1970-02-01', 15);

const roster = (name: string, rows: [string, string, string, string?][]) =>
  writeCsv(path.join(dir, name), [['姓名', '身份证号码', '村', '户号', '联系电话'], ...rows.map(([n, id, hh, phone]) => [n, id, '幸福村', hh, phone ?? ''])]);
const idOf = (n: string) => t.ctx.db.prepare('SELECT id FROM persons WHERE id_number = ?').pluck().get(n) as number;

/** A roster the other window dry-runs and commits at once. */
const imported = async (name: string, rows: [string, string, string, string?][]) => {
  const dry = ok(await B('import.preview', { kind: 'roster', file: roster(name, rows) }));
  return ok(await B('import.commit', { token: dry.token }));
};
const taxFile = (name: string, rows: [string, string][]) =>
  writeCsv(path.join(dir, name), [
    ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
    ...rows.map(([id, n]) => [id, n, '2024', '380', '2023-11-05', '微信']),
  ]);

beforeEach(async () => {
  t = openTestLedger('2023-11-10T02:00:00Z');
  dir = fresh();
  await t.ok('villages.add', { code: '001', name: '幸福村' });
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
});
afterEach(() => {
  t.close();
  cleanup();
});

const enrollmentsOf = (idNumber: string) =>
  t.ctx.db.prepare('SELECT e.receipt_no FROM enrollments e JOIN persons p ON p.id = e.person_id WHERE p.id_number = ?').pluck().all(idNumber);

describe('a dry run is a promise about the rows it read', () => {
  it('refuses a payment planned for 乙 after another window undid the roster that added 乙 and imported 丁, and ids are not reused', async () => {
    const batch = await imported('户籍1.csv', [['乙', YI, '2']]);
    const yiId = idOf(YI);

    const dry = ok(await A('import.preview', { kind: 'payments', file: taxFile('税务.csv', [[YI, '乙']]) }));
    expect(dry.counts).toMatchObject({ record: 1 });

    ok(await B('import.undo', { batchId: batch.id }));
    await imported('户籍2.csv', [['丁', DING, '2']]);
    const dingId = idOf(DING);
    expect(dingId).toBeGreaterThan(yiId);

    const r = await A('import.commit', { token: dry.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toMatch(/撤销了第 \d+ 批导入（户籍1\.csv）.*已失效/);
    expect(t.ctx.db.prepare('SELECT count(*) FROM enrollments').pluck().get()).toBe(0);
  });

  it('refuses, by the person’s own change, even when no undo ended the dry run (an ID number now naming someone else)', async () => {
    await imported('户籍1.csv', [['乙', YI, '2']]);
    const dry = ok(await A('import.preview', { kind: 'payments', file: taxFile('税务.csv', [[YI, '乙']]) }));
    // Another clerk marks 乙 deceased at the desk between the dry run and its commit.
    const yi = idOf(YI);
    ok(await B('roster.setStatus', { id: yi, status: 'deceased', on: '2023-11-09' }));
    const r = await A('import.commit', { token: dry.token });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/文件中有 1 人在台账里又有了改动[\s\S]*· 乙（身份证号 500235…\d{3}[\dX]）状态改为“死亡”（.+在 \d\d:\d\d）/);
    expect(enrollmentsOf(YI)).toEqual([]);
  });

  it('hands no id a window showed before a restore to someone added after it', async () => {
    await imported('户籍1.csv', [['乙', YI, '2']]);
    const backup = ok(await B('backup.create', {}));
    const later = await imported('户籍2.csv', [['丙', BING, '3']]);
    expect(later.counts).toMatchObject({ add: 1 });
    const bing = idOf(BING);
    ok(await B('backup.restore', { file: backup.file }));
    await imported('户籍3.csv', [['丁', DING, '3']]);
    expect(idOf(DING)).toBeGreaterThan(bing);
  });

  it('ends every open dry run on a restore', async () => {
    await imported('户籍1.csv', [['乙', YI, '2']]);
    const backup = ok(await B('backup.create', {}));
    const dry = ok(await A('import.preview', { kind: 'payments', file: taxFile('税务.csv', [[YI, '乙']]) }));
    ok(await B('backup.restore', { file: backup.file }));
    const r = await A('import.commit', { token: dry.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('从备份恢复了台账') } });
    expect(enrollmentsOf(YI)).toEqual([]);
  });

  it('refuses a roster whose dry run read a phone the desk has corrected since, saying who changed it to what', async () => {
    await imported('户籍1.csv', [['乙', YI, '2', '13800000001']]);
    const dry = ok(await A('import.preview', { kind: 'roster', file: roster('户籍2.csv', [['乙', YI, '2', '13800000002']]) }));
    expect(dry.counts).toMatchObject({ update: 1 });
    const yi = idOf(YI);
    ok(await B('roster.updatePerson', { id: yi, phone: '13900000009' }));
    const r = await A('import.commit', { token: dry.token });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/乙（身份证号 500235…\d{3}[\dX]）联系电话改为“13900000009”（.+在 \d\d:\d\d）/);
    expect(t.ctx.db.prepare('SELECT phone FROM persons WHERE id = ?').pluck().get(yi)).toBe('13900000009');
    // A fresh dry run reads the corrected phone, and its commit goes through.
    const again = ok(await A('import.preview', { kind: 'roster', file: roster('户籍2.csv', [['乙', YI, '2', '13800000002']]) }));
    expect(ok(await A('import.commit', { token: again.token })).counts).toMatchObject({ update: 1 });
  });

  it('refuses a roster when another window entered a person of the file at the desk', async () => {
    const dry = ok(await A('import.preview', { kind: 'roster', file: roster('户籍1.csv', [['乙', YI, '2']]) }));
    const hh = ok(await B('roster.addHousehold', { villageId: 1, number: '9' }));
    ok(await B('roster.addPerson', { idNumber: YI, name: '乙', householdId: hh.id }));
    const r = await A('import.commit', { token: dry.token });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('已由');
  });

  it('refuses a department list whose person was certified at the desk since the dry run', async () => {
    await imported('户籍1.csv', [['乙', YI, '2']]);
    const list = writeCsv(path.join(dir, '低保.csv'), [
      ['身份证号', '姓名', '人员类别'],
      [YI, '乙', '低保对象'],
    ]);
    const dry = ok(await A('import.preview', { kind: 'categories', file: list, options: { department: 'civil_affairs', validFrom: '2023-01-01' } }));
    const yi = idOf(YI);
    ok(await B('categories.certify', { personId: yi, code: 'min_living', validFrom: '2023-01-01', source: '民政' }));
    const r = await A('import.commit', { token: dry.token });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/· 乙（身份证号 500235…\d{3}[\dX]）已由.+在 \d\d:\d\d 认定资助身份/);
    expect(t.ctx.db.prepare("SELECT count(*) FROM person_categories WHERE code = 'min_living'").pluck().get()).toBe(1);
  });

  it('refuses a list that ends the certifications of those not on it when the desk ended one of them since', async () => {
    await imported('户籍1.csv', [
      ['乙', YI, '2'],
      ['丙', BING, '3'],
    ]);
    const list = (name: string, rows: string[][]) => writeCsv(path.join(dir, name), [['身份证号', '姓名', '人员类别'], ...rows]);
    const options = { department: 'civil_affairs' as const, validFrom: '2023-01-01' };
    const first = ok(
      await B('import.preview', {
        kind: 'categories',
        file: list('低保1.csv', [
          [YI, '乙', '低保对象'],
          [BING, '丙', '低保对象'],
        ]),
        options,
      }),
    );
    ok(await B('import.commit', { token: first.token }));
    const dry = ok(
      await A('import.preview', { kind: 'categories', file: list('低保2.csv', [[YI, '乙', '低保对象']]), options: { ...options, endLost: true } }),
    );
    expect(dry.lost.map((l) => l.name)).toEqual(['丙']);
    const c = t.ctx.db.prepare('SELECT id FROM person_categories WHERE person_id = ?').pluck().get(idOf(BING)) as number;
    ok(await B('categories.end', { id: c, validTo: '2023-03-31' }));
    expect(await A('import.commit', { token: dry.token })).toMatchObject({ ok: false, error: { field: 'token', message: expect.stringContaining('丙') } });
    expect(t.ctx.db.prepare('SELECT valid_to FROM person_categories WHERE id = ?').pluck().get(c)).toBe('2023-03-31');
  });

  it('is not refused by an enrollment of someone the file does not name', async () => {
    await imported('户籍1.csv', [
      ['乙', YI, '2'],
      ['丙', BING, '3'],
    ]);
    const dry = ok(await A('import.preview', { kind: 'payments', file: taxFile('税务.csv', [[YI, '乙']]) }));
    const bing = idOf(BING);
    ok(await B('enroll.person', { personId: bing, coverageYear: 2024, paidOn: '2023-11-10', channel: '现金' }));
    ok(await B('roster.updatePerson', { id: bing, phone: '13900000009' }));
    expect(ok(await A('import.commit', { token: dry.token })).counts).toMatchObject({ record: 1 });
    expect(enrollmentsOf(YI)).toHaveLength(1);
  });

  it('is not refused, for a roster, by a change to someone the file does not name', async () => {
    await imported('户籍1.csv', [
      ['乙', YI, '2'],
      ['丙', BING, '3'],
    ]);
    const dry = ok(await A('import.preview', { kind: 'roster', file: roster('户籍2.csv', [['乙', YI, '2', '13800000002']]) }));
    const bing = idOf(BING);
    ok(await B('roster.updatePerson', { id: bing, phone: '13900000009' }));
    expect(ok(await A('import.commit', { token: dry.token })).counts).toMatchObject({ update: 1 });
  });
});

describe('an undo takes back only what is still the batch’s', () => {
  const where = (n: string) =>
    t.ctx.db.prepare('SELECT p.phone, h.number AS household FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id_number = ?').get(n);

  it('refuses to put back a phone and a household the desk changed since, and with keepLater undoes the rest and names who was kept', async () => {
    await imported('户籍1.csv', [
      ['乙', YI, '2', '13800000001'],
      ['丙', BING, '3', '13800000003'],
    ]);
    const batch = await imported('户籍2.csv', [
      ['乙', YI, '5', '13800000002'],
      ['丙', BING, '3', '13800000033'],
    ]);
    // At the desk, after the second file: 乙's phone corrected, and 乙 moved to 户77.
    ok(await A('roster.updatePerson', { id: idOf(YI), phone: '13900000009' }));
    const h77 = ok(await A('roster.addHousehold', { villageId: 1, number: '77' }));
    ok(await A('roster.movePerson', { id: idOf(YI), householdId: h77.id }));

    const refused = await B('import.undo', { batchId: batch.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'keepLater' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/其中 1 人又被改过[\s\S]*· 乙（身份证号 500235…\d{3}[\dX]）已由.+迁到 幸福村 户77/);
    expect(where(YI)).toEqual({ phone: '13900000009', household: '77' });
    expect(where(BING)).toEqual({ phone: '13800000033', household: '3' });

    const done = ok(await B('import.undo', { batchId: batch.id, keepLater: true }));
    expect(done.keptLater).toEqual([expect.stringMatching(/^乙（身份证号 500235…/)]);
    expect(done.undoneAt).not.toBeNull();
    expect(where(YI)).toEqual({ phone: '13900000009', household: '77' });
    expect(where(BING)).toEqual({ phone: '13800000003', household: '3' });
  });

  it('does not put back, through an earlier batch, a change of a later one that an undo kept', async () => {
    // 5 moves 乙 to 户3, 7 to 户4, 9 to 户5; 7 is undone keeping 乙 (9 came after), then 9 is undone.
    await imported('户籍0.csv', [['乙', YI, '2']]);
    const five = await imported('户籍5.csv', [['乙', YI, '3']]);
    const seven = await imported('户籍7.csv', [['乙', YI, '4']]);
    const nine = await imported('户籍9.csv', [['乙', YI, '5']]);
    expect(ok(await B('import.undo', { batchId: seven.id, keepLater: true })).keptLater).toHaveLength(1);
    ok(await B('import.undo', { batchId: nine.id }));
    expect(where(YI)).toMatchObject({ household: '4' });
    // 7's move still stands: undoing 5 would put 乙 back in 户2 over it, so it is refused.
    expect(await B('import.undo', { batchId: five.id })).toMatchObject({ ok: false, error: { field: 'keepLater' } });
    expect(where(YI)).toMatchObject({ household: '4' });
  });

  it('keeps a 待核实 payment once when two windows commit the same file', async () => {
    await imported('户籍1.csv', [['乙', YI, '2']]);
    const file = taxFile('税务.csv', [[DING, '丁']]);
    const a = ok(await A('import.preview', { kind: 'payments', file }));
    const b = ok(await B('import.preview', { kind: 'payments', file }));
    ok(await A('import.commit', { token: a.token }));
    expect(await B('import.commit', { token: b.token })).toMatchObject({
      ok: false,
      error: { field: 'token', message: expect.stringContaining('已把第 2 行这笔缴费列入待核实') },
    });
    expect(t.ctx.db.prepare('SELECT count(*) FROM pending_payments').pluck().get()).toBe(1);
  });

  it('keeps a person the roster added who paid since, even when the payment was undone: a paid record is never deleted', async () => {
    const batch = await imported('户籍1.csv', [
      ['乙', YI, '2'],
      ['丙', BING, '3'],
    ]);
    const dry = ok(await B('import.preview', { kind: 'payments', file: taxFile('税务.csv', [[YI, '乙']]) }));
    const paid = ok(await B('import.commit', { token: dry.token }));
    ok(await B('import.undo', { batchId: paid.id }));
    const refused = await B('import.undo', { batchId: batch.id });
    expect(refused).toMatchObject({ ok: false, error: { field: 'keepLater', message: expect.stringContaining('乙') } });
    const done = ok(await B('import.undo', { batchId: batch.id, keepLater: true }));
    expect(done.keptLater).toEqual([expect.stringMatching(/^乙/)]);
    expect(t.ctx.db.prepare('SELECT name FROM persons').pluck().all()).toEqual(['乙']);
  });

  it('refuses to undo a 医保 list under a 县外参保 the desk recorded for the same year since, and keeps the desk’s row when asked', async () => {
    await imported('户籍1.csv', [
      ['乙', YI, '2'],
      ['丙', BING, '3'],
    ]);
    const list = writeCsv(path.join(dir, '参保状态.csv'), [
      ['身份证号', '年度', '参保状态', '参保类型'],
      [YI, '2023', '参保缴费', '城乡居民基本医疗保险'],
      [BING, '2023', '参保缴费', '城乡居民基本医疗保险'],
    ]);
    const dry = ok(await B('import.preview', { kind: 'insurance', file: list }));
    const batch = ok(await B('import.commit', { token: dry.token }));
    ok(await A('roster.setInsurance', { id: idOf(YI), outOfCounty: 'in_city_employee', place: '重庆市渝中区', coverageYear: 2023 }));
    const history = () => t.ctx.db.prepare('SELECT person_id AS p, scheme, source FROM insurance_history ORDER BY person_id, scheme').all();
    const before = history();

    const refused = await B('import.undo', { batchId: batch.id });
    expect(refused).toMatchObject({ ok: false, error: { field: 'keepLater', message: expect.stringContaining('乙') } });
    expect(history()).toEqual(before);

    ok(await B('import.undo', { batchId: batch.id, keepLater: true }));
    // 丙's row from the list is gone; 乙's rows (the list's and the desk's) stay.
    expect((history() as { p: number }[]).map((r) => r.p).every((p) => p === idOf(YI))).toBe(true);
    expect(history()).toEqual(before.filter((r) => (r as { p: number }).p === idOf(YI)));
  });
});

describe('the desk states what it was shown', () => {
  const seed = async () => {
    await imported('户籍1.csv', [
      ['乙', YI, '2'],
      ['丙', BING, '2'],
    ]);
    const id = idOf(YI);
    return ok(await A('roster.getPerson', { id })).person;
  };

  it('refuses an edit made on an older reading, saying who changed what, and takes it on the fresh one', async () => {
    const shown = await seed();
    ok(await B('roster.updatePerson', { id: shown.id, phone: '13900000009', seen: shown.version }));
    const r = await A('roster.updatePerson', { id: shown.id, phone: '13800000001', seen: shown.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'seen' } });
    if (!r.ok) expect(r.error.message).toMatch(/「乙」的资料在您打开之后已有改动：联系电话改为“13900000009”（.+在 \d\d:\d\d）。这次没有保存/);
    expect(t.ctx.db.prepare('SELECT phone FROM persons WHERE id = ?').pluck().get(shown.id)).toBe('13900000009');
    const fresh = ok(await A('roster.getPerson', { id: shown.id })).person;
    expect(ok(await A('roster.updatePerson', { id: shown.id, phone: '13800000001', seen: fresh.version })).phone).toBe('13800000001');
  });

  it('refuses an enrollment quoted before another window certified the person, naming the certification', async () => {
    const shown = await seed();
    ok(await B('categories.certify', { personId: shown.id, code: 'min_living', validFrom: '2023-01-01', source: '民政', seen: shown.version }));
    const r = await A('enroll.person', { personId: shown.id, coverageYear: 2024, paidOn: '2023-11-10', channel: '现金', seen: shown.version });
    expect(r).toMatchObject({ ok: false, error: { field: 'seen', message: expect.stringContaining('认定资助身份') } });
    expect(enrollmentsOf(YI)).toEqual([]);
  });

  it('refuses a void on an older reading, and a household enrollment when a member changed or came since', async () => {
    const shown = await seed();
    const e = ok(await A('enroll.person', { personId: shown.id, coverageYear: 2024, paidOn: '2023-11-10', channel: '现金', seen: shown.version }));
    const r = await B('enroll.void', { id: e.id, reason: '重复登记', seen: shown.version });
    expect(r).toMatchObject({ ok: false, error: { field: 'seen', message: expect.stringMatching(/已由.+登记 2024 年度参保（收据号 \d+）/) } });
    const book = ok(await A('roster.getHousehold', { id: shown.householdId }));
    const seen = book.members.map((m) => ({ personId: m.id, version: m.version }));
    ok(await B('roster.addPerson', { idNumber: DING, name: '丁', householdId: shown.householdId }));
    const h = await A('enroll.household', { householdId: shown.householdId, coverageYear: 2024, paidOn: '2023-11-10', channel: '现金', seen });
    expect(h).toMatchObject({ ok: false, error: { field: 'seen', message: expect.stringContaining('新登记了「丁」') } });
    expect(t.ctx.db.prepare('SELECT count(*) FROM enrollments').pluck().get()).toBe(1);
  });

  it('takes one fact once: the same certification from two windows is one row, the second answered unchanged', async () => {
    const shown = await seed();
    const certify = { personId: shown.id, code: 'min_living' as const, validFrom: '2023-01-01', source: '民政' };
    const [x, y] = await Promise.all([A('categories.certify', certify), B('categories.certify', certify)]);
    expect([ok(x).unchanged, ok(y).unchanged].sort()).toEqual([true, undefined].sort());
    expect(ok(x).id).toBe(ok(y).id);
    expect(t.ctx.db.prepare("SELECT count(*) FROM person_categories WHERE code = 'min_living'").pluck().get()).toBe(1);
  });
});
