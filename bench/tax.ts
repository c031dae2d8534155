// 税务's 代缴明细 at scale: a file of every person of a synthetic township (two title rows, the
// tax layout), reconciled by a dry run of the payments import, against exceljs's own streaming
// read of the same file. Medians of three.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startCore } from '../src-main/app';
import { dispatch, handlers } from '../src-main/api/index';
import { PERSON_CATEGORIES, type PersonCategory } from '../src-main/domain/codes';
import { taxWords } from '../src-main/domain/import/category-labels';
import { quote } from '../src-main/domain/policy/quote';
import type { Policy } from '../src-main/domain/policy/schema';
import { openLedger } from '../src-main/ledger/open';
import { categoryAliases } from '../src-main/policies/aliases';
import { buildLedger } from './build-ledger';
import { median, report } from './util';

const PAID_ON = '2023-11-05';

async function writeDaijiao(file: string, db: ReturnType<typeof openLedger>, policy: Policy): Promise<number> {
  const word = taxWords(categoryAliases());
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('代缴明细');
  ws.addRow(['2024年度城乡居民基本医疗保险代缴明细']).commit();
  ws.addRow(['代缴单位：云阳县民政局']).commit();
  ws.addRow(['序号', '街道乡镇', '姓名', '身份证件类型', '身份证件号码', '人员编号', '代缴类别', '代缴金额', '个人缴费日期']).commit();
  const rows = db
    .prepare(`SELECT p.name, p.id_number AS id, (SELECT code FROM person_categories c WHERE c.person_id = p.id LIMIT 1) AS code FROM persons p ORDER BY p.id`)
    .iterate() as IterableIterator<{ name: string; id: string; code: PersonCategory | null }>;
  let n = 0;
  for (const r of rows) {
    // The department's part as the quote has it. The synthetic roster gives a fifth of the people a
    // category, some of which 农坝's policy does not fund: those, and everyone without one, wait
    // as 未认定资助身份. Every row is matched, quoted and reconciled all the same.
    const q = quote(policy, { idNumber: r.id, categories: r.code ? [r.code] : [], tier: 1, paidOn: PAID_ON } as never);
    const label = r.code ? (word(r.code) ?? PERSON_CATEGORIES[r.code]) : '民政城乡低保对象';
    ws.addRow([++n, '农坝镇', r.name, '居民身份证', r.id, `5000${String(n).padStart(8, '0')}`, label, r.code ? q.subsidyFen / 100 : 342, PAID_ON]).commit();
  }
  ws.commit();
  await wb.commit();
  return n;
}

async function exceljsRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  let rows = 0;
  for await (const ws of reader) for await (const _row of ws) rows++;
  return rows;
}

export async function benchTax(policy: Policy, n: number): Promise<void> {
  console.log(`\n== 税务 代缴明细: ${n.toLocaleString()} rows (${policy.id}) ==`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-tax-'));
  try {
    const db = openLedger(dir);
    buildLedger(db, policy, n);
    // Nobody has paid yet: every row is reconciled, none stops at 已登记.
    db.exec('DELETE FROM enrollments');
    const file = path.join(dir, '代缴明细.xlsx');
    const rows = await writeDaijiao(file, db, policy);
    db.close();
    report(`file: ${(fs.statSync(file).size / 1048576).toFixed(1)} MB, ${rows.toLocaleString()} rows, two title rows`);
    const bare: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await exceljsRead(file);
      bare.push(performance.now() - t);
    }
    const { ctx, stop } = await startCore(dir);
    const ours: number[] = [];
    let counts: unknown;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await dispatch(handlers, ctx, 'import.preview', { kind: 'payments', file, options: { coverageYear: policy.coverageYear } });
      ours.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
      counts = (r.value as { counts: unknown }).counts;
    }
    stop();
    const b = median(bare);
    const o = median(ours);
    report(`exceljs streaming read, median of 3:        ${(b / 1000).toFixed(2)} s (runs ${bare.map((x) => (x / 1000).toFixed(2)).join(' / ')})`);
    report(
      `canbao dry run (read, match, quote), median: ${(o / 1000).toFixed(2)} s (runs ${ours.map((x) => (x / 1000).toFixed(2)).join(' / ')}); ${Math.round(rows / (o / 1000)).toLocaleString()} rows/s; ratio to exceljs read ${(o / b).toFixed(2)}`,
    );
    report(`counts: ${JSON.stringify(counts)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
