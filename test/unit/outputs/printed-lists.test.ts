// The office's lists that get printed from their xlsx (资助台账, 零申报, 缴费日报, 税务's 零申报明细)
// print legibly: LibreOffice turns each into a PDF, and read back word by word no cell's text
// runs into its neighbour's (个人缴费 114 against 收据号 2024000038 once read 1142024000038).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportKind } from '../../../src-main/api/contract';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice } from '../../helpers/files';
import { pdfSheets, touching, type Sheet } from '../../helpers/pdf-words';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
const printed: Partial<Record<ExportKind, Sheet[]>> = {};
const receipts: string[] = [];
const KINDS: ExportKind[] = ['subsidyLedger', 'zeroDeclarations', 'payments', 'taxZeroDeclarations'];

beforeAll(async () => {
  if (!hasSoffice) return;
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-printed-');
  await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
  const a = await seedHousehold(
    t,
    [
      { name: '张三', birth: '1960-05-01' },
      { name: '李梅', birth: '1962-08-08' },
      { name: '欧阳明明', birth: '1965-06-06' },
    ],
    { village: '幸福村' },
  );
  // The longest label of any policy, a part paid beside a receipt number, and one fully funded.
  await t.ok('categories.certify', { personId: a.persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '名单' });
  await t.ok('categories.certify', { personId: a.persons[1]!.id, code: 'destitute', validFrom: '2023-01-01', source: '名单' });
  await t.ok('categories.certify', { personId: a.persons[2]!.id, code: 'priority_care', validFrom: '2023-01-01', source: '名单' });
  for (const [i, p] of a.persons.entries()) {
    const e = await t.ok('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: '2023-11-01', channel: i === 1 ? '零申报' : '现金' });
    receipts.push(e.receiptNo);
    if (i === 1) await t.ok('enroll.markDeclared', { ids: [e.id], on: '2024-01-05' });
  }
  for (const kind of KINDS) {
    const file = path.join(dir, `${kind}.xlsx`);
    fs.copyFileSync((await t.ok('export.write', { kind, coverageYear: 2024 })).file, file);
    printed[kind] = pdfSheets(soffice(file, 'pdf', dir));
  }
}, 240_000);

afterAll(() => {
  t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasSoffice)('the lists printed from their xlsx', () => {
  it.each(KINDS)('%s: no cell’s text runs into the next', (kind) => {
    const sheets = printed[kind]!;
    expect(sheets.length).toBeGreaterThan(0);
    for (const s of sheets) expect(touching(s, 0.4).map(([a, b]) => `${a.text}|${b.text}`)).toEqual([]);
  });

  it('资助台账: every receipt number, amount and the longest label stand as words of their own', () => {
    const words = printed.subsidyLedger!.flatMap((s) => s.words.map((w) => w.text));
    for (const r of receipts) expect(words).toContain(r);
    expect(words).toContain('342.00');
    expect(words).toContain('38.00');
    expect(words.join('')).toContain('在乡重点优抚对象(不含1-6级残疾军人)');
    expect(words.join('')).toContain('小计（');
  });

  it('缴费日报: amounts with two decimals, the total line last', () => {
    const words = printed.payments!.flatMap((s) => s.words.map((w) => w.text));
    expect(words).toContain('合计');
    expect(words.some((w) => /^\d+\.\d\d$/.test(w))).toBe(true);
  });
});
