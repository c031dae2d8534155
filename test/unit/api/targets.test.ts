import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weeklySnapshots } from '../../../src-main/ledger/snapshots';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2023-11-22T02:00:00Z'); // a Wednesday
});
afterEach(() => t.close());

/** 附件2 as the county sends it: a title, the year in the header, a total row. */
async function fujian2(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  ws.addRow(['农坝镇2024年度城乡居民基本医疗保险参保目标任务分解表']);
  ws.mergeCells('A1:B1');
  ws.addRow(['村（社区）名称', '2024年参保目标任务数']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(t.ctx.dataDir, `附件2-${Math.random()}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('village targets from the county’s sheet', () => {
  it('sets every village’s target from 附件2, skipping the total row', async () => {
    await t.ok('villages.add', { code: '001', name: '幸福村' });
    await t.ok('villages.add', { code: '002', name: '农坝社区' });
    const r = await t.ok('targets.import', {
      coverageYear: 2024,
      file: await fujian2([
        ['幸福村', 1200],
        ['农坝', '2,300'],
        ['合计', 3500],
      ]),
    });
    expect(r).toEqual({ villages: 2, total: 3500 });
    const progress = await t.ok('reports.progress', { coverageYear: 2024 });
    expect(progress.map((p) => [p.villageName, p.target])).toEqual([
      ['幸福村', 1200],
      ['农坝社区', 2300],
    ]);
  });

  it.each([
    [
      [
        ['幸福村', 100],
        ['团结村', 50],
      ],
      '第 4 行村（社区）“团结村”不在本乡镇的村/社区名单中',
    ],
    [
      [
        ['幸福村', 100],
        ['幸福村', 50],
      ],
      '第 4 行的“幸福村”与第 3 行重复',
    ],
    [[['幸福村', '约100']], '任务数“约100”不是 0 到 1000000 的整数'],
    [
      [
        ['幸福村', 100],
        ['合计', 150],
      ],
      '第 4 行的合计 150 与各村任务数之和 100 不符',
    ],
  ])('changes nothing when a row is wrong (%j)', async (rows, message) => {
    const v = await t.ok('villages.add', { code: '001', name: '幸福村' });
    await t.ok('targets.set', { coverageYear: 2024, villageId: v.id, target: 7 });
    const r = await t.call('targets.import', { coverageYear: 2024, file: await fujian2(rows) });
    expect(!r.ok && r.error.message).toContain(message);
    expect((await t.ok('reports.progress', { coverageYear: 2024 }))[0]!.target).toBe(7);
  });
});

describe('weekly snapshots', () => {
  it('compare this week with last week, village by village', async () => {
    const { persons, village } = await seedHousehold(t, [
      { name: '甲', birth: '1960-01-01' },
      { name: '乙', birth: '1961-01-01' },
      { name: '丙', birth: '1962-01-01' },
    ]);
    const enroll = (i: number) => t.ok('enroll.person', { personId: persons[i]!.id, coverageYear: 2024, paidOn: '2023-11-10', channel: '现金' });
    // Last week's first start (Tuesday 11-14): nothing enrolled yet.
    weeklySnapshots(t.ctx.db, '2023-11-14', '2023-11-14T01:00:00Z');
    await enroll(0);
    // This week's first start (Monday 11-20), then a second start the same week changes nothing.
    weeklySnapshots(t.ctx.db, '2023-11-20', '2023-11-20T01:00:00Z');
    await enroll(1);
    weeklySnapshots(t.ctx.db, '2023-11-21', '2023-11-21T01:00:00Z');
    await enroll(2);
    const row = (await t.ok('reports.progress', { coverageYear: 2024 })).find((p) => p.villageId === village.id)!;
    expect(row).toMatchObject({ enrolled: 3, weekStart: 1, lastWeekStart: 0 });
    // Asked for by hand, this week's snapshot is retaken.
    await t.ok('targets.snapshot', { coverageYear: 2024 });
    expect((await t.ok('reports.progress', { coverageYear: 2024 })).find((p) => p.villageId === village.id)).toMatchObject({ weekStart: 3, lastWeekStart: 0 });
  });
});
