// Settling the 待核实 list at the desk: candidates, recording against a person and tier (the
// quote decides the amounts, a difference needs a reason), dismissing, and the batch's undo.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { seedHousehold } from '../../helpers/people';
import { checkCharacter } from '../../../src-main/domain/idnumber';

let t: TestLedger;
let dir: string;
let people: Awaited<ReturnType<typeof seedHousehold>>['persons'];

/** 低保乙's birth day mistyped in the ledger's number (12 → 21), check character recomputed: both numbers are valid. */
const slipped = (id: string) => {
  const first17 = id.slice(0, 12) + id[13] + id[12] + id.slice(14, 17);
  return first17 + checkCharacter(first17);
};

beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-pending-');
  people = (
    await seedHousehold(t, [
      { name: '低保甲', birth: '1950-01-01' },
      { name: '低保乙', birth: '1951-03-12' },
      { name: '普通丁', birth: '1990-01-01' },
    ])
  ).persons;
  await t.ok('categories.certify', { personId: people[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '民政名单' });
  const file = writeCsv(path.join(dir, '税务缴费.csv'), [
    ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
    [people[0]!.idNumber, '低保甲', '2024', '380', '2023-11-05', '微信'],
    [slipped(people[1]!.idNumber), '低保乙', '2024', '380', '2023-11-06', '支付宝'],
    [people[2]!.idNumber, '普通丁', '2024', '100', '2023-11-07', '银行'],
  ]);
  const p = await t.ok('import.preview', { kind: 'payments', file });
  expect(p.counts).toEqual({ record: 0, pending: 3, unchanged: 0, problems: 0 });
  await t.ok('import.commit', { token: p.token });
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pendingNamed = async (name: string) => (await t.ok('payments.pending', { coverageYear: 2024 })).find((x) => x.name === name)!;
const tile = async () => (await t.ok('reports.dashboard', { coverageYear: 2024, on: '2024-01-10' })).pendingPayments;

describe('the 待核实 list', () => {
  it('offers the person a mistyped ID number belongs to, with both tiers quoted', async () => {
    const q = await pendingNamed('低保乙');
    expect(q.reason).toBe('不在台账：台账中没有此人。');
    const c = await t.ok('payments.candidates', { id: q.id });
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ person: { id: people[1]!.id }, why: '身份证号仅差一位或两位颠倒、姓名相同', enrolledReceipt: null, refusal: null });
    expect(c[0]!.quotes.map((x) => [x.tier, x.personalFen])).toEqual([
      [1, 38000],
      [2, 75500],
    ]);
  });

  it('records against the chosen person when the amount agrees, and the tile and list follow', async () => {
    expect(await tile()).toBe(3);
    const q = await pendingNamed('低保乙');
    const e = await t.ok('payments.resolve', { id: q.id, personId: people[1]!.id, tier: 1 });
    expect(e).toMatchObject({ personId: people[1]!.id, tier: 1, personalFen: 38000, paidOn: '2023-11-06', channel: '支付宝', status: 'active' });
    expect(await tile()).toBe(2);
    expect((await t.ok('payments.settled', { coverageYear: 2024 }))[0]).toMatchObject({
      id: q.id,
      resolution: 'recorded',
      receiptNo: e.receiptNo,
      recordedFor: '低保乙',
      note: null,
    });
    const again = await t.call('payments.resolve', { id: q.id, personId: people[1]!.id, tier: 1 });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('已处理') } });
    const history = (await t.ok('roster.getPerson', { id: people[1]!.id })).history.map((h) => h.what);
    expect(history).toContain('待核实缴费登记');
    expect(history).toContain('参保登记');
  });

  it('asks for the reason of a difference from the quote, records the quote’s amounts with it, and never half-writes', async () => {
    const q = await pendingNamed('低保甲');
    expect(q.reason).toContain('与按政策计算的一档 38 元不符');
    const refused = await t.call('payments.resolve', { id: q.id, personId: people[0]!.id, tier: 1 });
    expect(refused).toMatchObject({ ok: false, error: { field: 'differenceReason', message: expect.stringContaining('多 342 元') } });
    expect((await t.ok('roster.getPerson', { id: people[0]!.id })).enrollments).toEqual([]);
    expect(await tile()).toBe(3);
    const e = await t.ok('payments.resolve', { id: q.id, personId: people[0]!.id, tier: 1, differenceReason: '税务系统未认定低保，多收部分由税务退还' });
    expect(e).toMatchObject({ personalFen: 3800, category: 'min_living' });
    const settled = (await t.ok('payments.settled', { coverageYear: 2024 }))[0]!;
    expect(settled.note).toBe('差额 342 元：税务系统未认定低保，多收部分由税务退还');
  });

  it('dismisses with a reason, and refuses a dismissal without one', async () => {
    const q = await pendingNamed('普通丁');
    expect(await t.call('payments.dismiss', { id: q.id, reason: ' ' })).toMatchObject({
      ok: false,
      error: { message: '请填写不予登记的原因（至少 2 个字）。' },
    });
    await t.ok('payments.dismiss', { id: q.id, reason: '重复缴费，已由税务退回' });
    expect(await tile()).toBe(2);
    expect((await t.ok('payments.settled', { coverageYear: 2024 }))[0]).toMatchObject({
      resolution: 'dismissed',
      note: '重复缴费，已由税务退回',
      receiptNo: null,
    });
  });

  it('will not undo a batch whose pending rows the clerk recorded until those are voided', async () => {
    const q = await pendingNamed('低保乙');
    const e = await t.ok('payments.resolve', { id: q.id, personId: people[1]!.id, tier: 1 });
    const batch = (await t.ok('import.batches', {}))[0]!;
    expect(await t.call('import.undo', { batchId: batch.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining(`低保乙（收据 ${e.receiptNo}）`) },
    });
    await t.ok('enroll.void', { id: e.id, reason: '登记错人' });
    await t.ok('import.undo', { batchId: batch.id });
    expect(await tile()).toBe(0);
    expect((await t.ok('payments.settled', { coverageYear: 2024 })).map((x) => x.resolution)).toEqual(['recorded']);
  });
});
