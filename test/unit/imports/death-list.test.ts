// A death list (户籍's or 民政's: 姓名, 身份证号, 死亡日期; issue 29) through the situations import:
// the dry run shows each person's status change and what it means for money (a payment made
// after the death, or for a year that starts after it, to refund or void by hand); the commit
// voids nothing; the undo puts the statuses back. Written by LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv } from '../../helpers/files';
import { idFor, nongbaHousehold } from '../../helpers/people';

const P = {
  甲: { name: '故甲', id: idFor('1930-01-01', 11), code: null },
  乙: { name: '故乙', id: idFor('1931-01-01', 13), code: null },
  丙: { name: '故丙', id: idFor('1932-01-01', 15), code: null },
} as const;

let t: TestLedger;
let dir: string;
beforeEach(() => {
  t = openTestLedger('2023-11-22T02:00:00Z');
  dir = tempDir('canbao-deaths-');
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a death list', () => {
  it.runIf(hasSoffice)(
    'sets each person deceased on the day, lists the payments to refund or void and voids none; undone, the statuses go back',
    async () => {
      const ids = await nongbaHousehold(t, Object.values(P));
      const paid = async (name: string, paidOn: string) => t.ok('enroll.person', { personId: ids[name]!, coverageYear: 2024, paidOn, channel: '现金' });
      const a = await paid(P.甲.name, '2023-11-05');
      const b = await paid(P.乙.name, '2023-11-20');
      const file = soffice(
        writeCsv(path.join(dir, '死亡名单.csv'), [
          ['序号', '姓名', '身份证号', '死亡日期'],
          ['1', P.甲.name, P.甲.id, '2023-11-10'],
          ['2', P.乙.name, P.乙.id, '2023年11月10日'],
          ['3', P.丙.name, P.丙.id, '2023-10-01'],
          ['4', '某人', idFor('1933-01-01', 17), '2023-13-01'],
        ]),
        'xlsx',
        dir,
        'CSV:44,34,76,1,1/2/2/2/3/2/4/2',
      );
      const p = await t.ok('import.preview', { kind: 'situations', file });
      expect(p.counts).toEqual({ apply: 3, unchanged: 0, problems: 1 });
      expect(p.problems[0]).toMatchObject({ row: 5, message: '死亡日期“2023-13-01”不是有效日期。' });
      const what = Object.fromEntries(p.changes.map((c) => [c.name, c.what]));
      expect(what[P.甲.name]).toEqual([
        '人员状态：死亡（2023-11-10）',
        `2024 年度已缴费（收据号 ${a.receiptNo}，2023-11-05 缴，个人 380 元）：死亡之后才开始的年度，请核实后在人员信息中退费或作废（导入不会自动作废）。`,
      ]);
      expect(what[P.乙.name]![1]).toMatch(/：死亡之后缴的费，/);
      expect(what[P.丙.name]).toEqual(['人员状态：死亡（2023-10-01）']);

      const batch = await t.ok('import.commit', { token: p.token });
      const person = (name: string) => t.ok('roster.getPerson', { id: ids[name]! });
      expect((await person(P.甲.name)).person).toMatchObject({ status: 'deceased', statusOn: '2023-11-10' });
      // Nothing voided by the list itself.
      expect((await person(P.甲.name)).enrollments.map((e) => [e.receiptNo, e.status])).toEqual([[a.receiptNo, 'active']]);
      expect((await person(P.乙.name)).enrollments.map((e) => [e.receiptNo, e.status])).toEqual([[b.receiptNo, 'active']]);

      // The same list again changes nothing.
      expect((await t.ok('import.preview', { kind: 'situations', file })).counts).toMatchObject({ apply: 0, unchanged: 3 });

      await t.ok('import.undo', { batchId: batch.id });
      expect((await person(P.甲.name)).person).toMatchObject({ status: 'active', statusOn: null });
    },
    120_000,
  );

  it('is refused in Chinese when it has neither a 死亡日期 nor a 县外参保情况 column', async () => {
    await nongbaHousehold(t, Object.values(P));
    const file = writeCsv(path.join(t.ctx.dataDir, '名单.csv'), [
      ['姓名', '身份证号'],
      [P.甲.name, P.甲.id],
    ]);
    expect(await t.call('import.preview', { kind: 'situations', file })).toMatchObject({
      ok: false,
      error: { message: '文件缺少“县外参保情况”列（附件4、未参保人员清单）或“死亡日期”列（死亡名单）。请在列对应关系中指定。' },
    });
  });
});
