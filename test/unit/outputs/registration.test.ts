// 批量参保登记表 for the 医保 platform (issue 29): a village's persons added at the desk that the
// platform does not know yet, in the layout offices keep (header on row 2, 公民身份号码 as text,
// 性别 and 出生日期 from the ID number, the village's 单位编号), read back by LibreOffice; a person
// in a 医保 list is left out; what was exported is remembered, a change makes a person due again;
// the sheet imports back as a roster.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, sofficeRows, writeCsv } from '../../helpers/files';
import { idFor } from '../../helpers/people';

const P = [
  { name: '新甲', id: idFor('1980-02-03', 11) },
  { name: '新乙', id: idFor('1985-06-07', 12) },
  { name: '新丙', id: idFor('2010-09-10', 13) },
  { name: '医保丁', id: idFor('1970-01-01', 15) },
];

let t: TestLedger;
let dir: string;
beforeEach(() => {
  t = openTestLedger('2023-11-22T02:00:00Z');
  dir = tempDir('canbao-registration-');
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function village(ledger: TestLedger) {
  await ledger.ok('office.update', { county: '云阳县', townshipName: '农坝镇' });
  return ledger.ok('villages.add', { code: '001', name: '幸福村' });
}

describe('批量参保登记表', () => {
  it.runIf(hasSoffice)(
    'holds the persons the platform does not know, as text where typed, once; a change makes one due again; it reads back as a roster',
    async () => {
      const v = await village(t);
      const h = await t.ok('roster.addHousehold', { villageId: v.id, number: '0007' });
      const ids: number[] = [];
      for (const [i, p] of P.entries())
        ids.push(
          (await t.ok('roster.addPerson', { idNumber: p.id, name: p.name, householdId: h.id, relation: i === 0 ? '户主' : '子女', phone: `1380000000${i}` }))
            .id,
        );
      // 医保's list names 医保丁: the platform knows the person.
      const list = writeCsv(
        path.join(dir, '参保核实.csv'),
        [
          ['姓名', '身份证号', '人员编号', '是否参保居民', '参保年度'],
          ['医保丁', P[3]!.id, '50000099', '是', '2023'],
        ],
        'gbk',
      );
      await t.ok('import.commit', { token: (await t.ok('import.preview', { kind: 'insurance', file: list })).token });

      expect(await t.call('export.registration', { villageId: v.id })).toMatchObject({
        ok: false,
        error: { message: '还没有填写幸福村在医保平台的单位编号。请管理员在 设置 → 村（社区） 中填写后再导出。' },
      });
      await t.ok('villages.setUnitCode', { id: v.id, unitCode: '5002350010001' });
      const first = await t.ok('export.registration', { villageId: v.id });
      expect(first).toMatchObject({ rows: 3, again: 0 });

      const rows = sofficeRows([first.file], dir)[path.basename(first.file, '.xlsx')]!;
      expect(rows[0]![0]).toBe('农坝镇幸福村城乡居民基本医疗保险批量参保登记表');
      expect(rows[1]).toEqual([
        '序号',
        '证件类型',
        '公民身份号码',
        '姓名',
        '性别',
        '民族',
        '出生日期',
        '户口性质',
        '户籍地址',
        '联系电话',
        '单位编号',
        '单位名称',
        '户号',
        '与户主关系',
      ]);
      expect(rows.slice(2).map((r) => [r[2], r[3], r[4], r[6], r[10], r[12]])).toEqual([
        [P[0]!.id, '新甲', '男', '1980-02-03', '5002350010001', '0007'],
        [P[1]!.id, '新乙', '女', '1985-06-07', '5002350010001', '0007'],
        [P[2]!.id, '新丙', '男', '2010-09-10', '5002350010001', '0007'],
      ]);

      // Exported once: nobody is due until someone changes.
      expect(await t.call('export.registration', { villageId: v.id })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/^幸福村没有要到医保平台新登记的人员/) },
      });
      await t.ok('roster.updatePerson', { id: ids[1]!, phone: '13900000009' });
      expect(await t.ok('export.registration', { villageId: v.id })).toMatchObject({ rows: 1, again: 1 });

      // The first sheet reads back as a roster into another office's ledger.
      const other = openTestLedger('2023-11-22T02:00:00Z');
      try {
        await village(other);
        const copy = path.join(other.ctx.dataDir, '批量参保登记.xlsx');
        fs.copyFileSync(first.file, copy);
        const back = await other.ok('import.preview', { kind: 'roster', file: copy });
        expect(back.counts).toMatchObject({ add: 3, problems: 0 });
      } finally {
        other.close();
      }
    },
    120_000,
  );
});
