// The problem report of a dry run: bounded in columns and rows whatever the file holds, and
// never left half-written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../../../src-main/excel/table';
import { REPORT_LIMITS } from '../../../src-main/imports/report';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-report-');
  await t.ok('villages.add', { code: '001', name: '幸福村' });
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const reportsIn = () => {
  const d = path.join(t.ctx.dataDir, 'reports');
  return fs.existsSync(d) ? fs.readdirSync(d) : [];
};

async function readReport(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  await readTable(file, (c) => rows.push(c));
  return rows;
}

describe('the problem report', () => {
  it('copies at most the column limit of a very wide file, and says what it left out', async () => {
    const extra = 16_000;
    const headers = ['村（社区）', '户号', '姓名', '身份证号', ...Array.from({ length: extra }, (_, i) => `列${i + 1}`)];
    const filler = Array<string>(extra).fill('x');
    const file = writeCsv(path.join(dir, '宽表.csv'), [
      headers,
      ['幸福村', 'H1', '张三', '123', ...filler],
      ['幸福村', 'H2', '李四', idFor('1960-05-01', 11), ...filler],
      ['红旗村', 'H3', '王五', idFor('1970-05-01', 12), ...filler],
    ]);
    const p = await t.ok('import.preview', { kind: 'roster', file });
    const r = await t.ok('import.report', { token: p.token });
    expect(r).toMatchObject({ rows: 2, omittedRows: 0, omittedColumns: headers.length - REPORT_LIMITS.columns });
    const rows = await readReport(r.file);
    expect(rows[0]).toHaveLength(REPORT_LIMITS.columns + 2);
    expect(rows[0]!.slice(0, 5)).toEqual(['行号', '村（社区）', '户号', '姓名', '身份证号']);
    expect(rows[1]!.slice(0, 4)).toEqual(['2', '幸福村', 'H1', '张三']);
    expect(rows[2]!.at(-1)).toContain('红旗村');
    expect(rows.at(-1)!.at(-1)).toBe(`文件第 ${REPORT_LIMITS.columns + 1} 列以后的 ${headers.length - REPORT_LIMITS.columns} 列未列入本报告。`);
  });

  it('lists at most the row limit and says how many more rows have problems', async () => {
    const limit = REPORT_LIMITS.rows;
    REPORT_LIMITS.rows = 3;
    try {
      const rows = [
        ['村（社区）', '户号', '姓名', '身份证号'],
        ...Array.from({ length: 5 }, (_, i) => ['红旗村', `H${i}`, `人${i}`, idFor('1960-05-01', 20 + i)]),
      ];
      const p = await t.ok('import.preview', { kind: 'roster', file: writeCsv(path.join(dir, '错村.csv'), rows) });
      const r = await t.ok('import.report', { token: p.token });
      expect(r).toMatchObject({ rows: 3, omittedRows: 2, omittedColumns: 0 });
      const report = await readReport(r.file);
      expect(report.map((x) => x[0])).toEqual(['行号', '2', '3', '4', '']);
      expect(report.at(-1)!.at(-1)).toContain('另有 2 行有问题，未列入本报告（最多列 3 行）');
    } finally {
      REPORT_LIMITS.rows = limit;
    }
  });

  it('refuses in Chinese and leaves no report when the file cannot be read again', async () => {
    const file = writeCsv(path.join(dir, '花名册.csv'), [
      ['村（社区）', '户号', '姓名', '身份证号'],
      ['红旗村', 'H1', '张三', idFor('1960-05-01', 11)],
    ]);
    const p = await t.ok('import.preview', { kind: 'roster', file });
    fs.rmSync(file);
    const r = await t.call('import.report', { token: p.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.message).toContain('找不到文件');
    expect(reportsIn()).toEqual([]);
  });
});
