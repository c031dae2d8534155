// A batch of household notices as print jobs: a village each, in the villages' order, a big
// village in runs of the job's size, each job a village's offset and count that
// print.householdNotices pages through to exactly the households it names.
import { afterEach, describe, expect, it } from 'vitest';
import { noticeJobs } from '../../../src-main/enrollment/notice';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { idFor } from '../../helpers/people';

let t: TestLedger;
afterEach(() => t.close());

async function township(villages: [code: string, name: string, households: number][]) {
  t = openTestLedger('2023-11-02T02:00:00Z');
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  let seq = 1;
  for (const [code, name, n] of villages) {
    const v = await t.ok('villages.add', { code, name });
    // Numbered out of order (10 before 9), as an office's roster often is.
    for (let i = n; i >= 1; i--) {
      const h = await t.ok('roster.addHousehold', { villageId: v.id, number: String(i) });
      await t.ok('roster.addPerson', { idNumber: idFor('1970-01-01', (seq += 2) % 999), name: `${name}${i}号`, householdId: h.id, relation: '户主' });
    }
  }
  // A household with no one in it is no paper.
  await t.ok('roster.addHousehold', { villageId: (await t.ok('villages.add', { code: '009', name: '空村' })).id, number: '1' });
}

describe('print jobs of a batch of notices', () => {
  it('are a village each, a big village in runs, in village-code and household-number order', async () => {
    await township([
      ['002', '团结村', 2],
      ['001', '幸福村', 5],
    ]);
    const jobs = noticeJobs(t.ctx.db, undefined, 2);
    expect(jobs.map((j) => [j.villageName, j.offset, j.count, j.from, j.to])).toEqual([
      ['幸福村', 0, 2, '1', '2'],
      ['幸福村', 2, 2, '3', '4'],
      ['幸福村', 4, 1, '5', '5'],
      ['团结村', 0, 2, '1', '2'],
    ]);
  });

  it('keep two villages whose codes read alike as numbers (01 and 1) apart, each paged whole', async () => {
    await township([
      ['01', '甲村', 3],
      ['1', '乙村', 3],
    ]);
    const jobs = noticeJobs(t.ctx.db);
    expect(jobs.map((j) => [j.villageName, j.offset, j.count])).toEqual([
      ['甲村', 0, 3],
      ['乙村', 0, 3],
    ]);
    const names: string[] = [];
    for (const j of jobs)
      names.push(
        ...(await t.ok('print.householdNotices', { coverageYear: 2024, villageId: j.villageId, offset: j.offset, limit: j.count })).notices.map(
          (n) => n.headName,
        ),
      );
    expect(names).toEqual(['甲村1号', '甲村2号', '甲村3号', '乙村1号', '乙村2号', '乙村3号']);
  });

  it('page through to every household once, in order, with the handler', async () => {
    await township([['001', '幸福村', 12]]);
    const jobs = noticeJobs(t.ctx.db, undefined, 5);
    expect(jobs.map((j) => j.count)).toEqual([5, 5, 2]);
    const numbers: string[] = [];
    for (const j of jobs) {
      const r = await t.ok('print.householdNotices', { coverageYear: 2024, villageId: j.villageId, offset: j.offset, limit: j.count });
      numbers.push(...r.notices.map((n) => n.householdNumber));
    }
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(await t.ok('print.noticeJobs', {})).toEqual([{ villageId: jobs[0]!.villageId, villageName: '幸福村', offset: 0, count: 12, from: '1', to: '12' }]);
    expect(await t.call('print.noticeJobs', { villageId: 999 })).toMatchObject({ ok: false, error: { message: '找不到这个村/社区。' } });
  });
});
