// One validation for the desk and every import: a name the desk refuses is a row problem in
// a roster file, and what both keep is the same text.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkText } from '../../../src-main/domain/text';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeXlsx } from '../../helpers/files';
import { idFor, seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeEach(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-validate-');
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HOSTILE: [string, string, RegExp][] = [
  ['zero-width space', '张\u200b三', /看不见的字符/],
  ['NUL', '张\u0000三', /看不见的字符/],
  ['right-to-left override', '\u202e三张', /看不见的字符/],
  ['BOM inside', '张\ufeff三', /看不见的字符/],
  ['a line break', '张\n三', /看不见的字符/],
  ['a million characters', '张'.repeat(1_048_576), /超过 30 个字/],
  ['31 characters', '张'.repeat(31), /超过 30 个字/],
];

describe('names, phones and addresses', () => {
  it.each(HOSTILE)('refuses a name with %s at the desk, in Chinese', async (_what, name, message) => {
    const { household } = await seedHousehold(t, []);
    const r = await t.call('roster.addPerson', { idNumber: idFor('1960-05-01', 11), name, householdId: household.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('keeps full-width letters and digits folded and spaces single, at the desk and in a file alike', async () => {
    expect(checkText('name', '  ＡＢＣ　 李 ')).toEqual({ ok: true, value: 'ABC 李' });
    const { household } = await seedHousehold(t, []);
    const p = await t.ok('roster.addPerson', {
      idNumber: idFor('1960-05-01', 13),
      name: 'Ｍａｒｙ·李',
      householdId: household.id,
      phone: '１３８１２３４５６７８',
    });
    expect(p).toMatchObject({ name: 'Mary·李', phone: '13812345678' });
  });

  it('names each hostile name in a roster file as a row problem and stores none of them', async () => {
    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const rows = HOSTILE.map(([, name], i) => [i + 1, village.name, `H${i}`, name, '户主', idFor('1970-01-01', 11 + 2 * i)]);
    rows.push([99, village.name, 'H99', '王五', '户主', idFor('1970-01-01', 99)]);
    // exceljs drops a NUL as XML cannot hold one; a cell past Excel's 32,767 characters makes the
    // whole file refused (the readers' own test), so neither is a row here.
    const xlsxRows = rows.filter((r) => String(r[3]).length <= 32_767 && !String(r[3]).includes('\u0000'));
    const file = await writeXlsx(path.join(dir, '花名册.xlsx'), { headers: ['序号', '村（社区）', '户号', '姓名', '与户主关系', '身份证号'], rows: xlsxRows });
    const p = await t.ok('import.preview', { kind: 'roster', file });
    expect(p.counts).toMatchObject({ add: 1, problems: xlsxRows.length - 1 });
    expect(p.problems.every((x) => x.field === 'name')).toBe(true);
    await t.ok('import.commit', { token: p.token });
    const names = t.ctx.db.prepare('SELECT name FROM persons').pluck().all();
    expect(names).toEqual(['王五']);
  });

  it('names a second 姓名 column in the dry run instead of dropping it without a word', async () => {
    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const file = await writeXlsx(path.join(dir, '两个姓名.xlsx'), {
      headers: ['村（社区）', '户号', '姓名', '身份证号', '姓名', '身份证号'],
      rows: [[village.name, 'H1', '张三', idFor('1960-05-01', 11), '李四', idFor('1960-05-01', 13)]],
    });
    const p = await t.ok('import.preview', { kind: 'roster', file });
    const header = p.problems.filter((x) => x.row === 1);
    expect(header.map((x) => x.field).sort()).toEqual(['idNumber', 'name']);
    expect(header.find((x) => x.field === 'name')!.message).toContain('C、E 列');
  });

  it('will not commit a batch with nothing to write', async () => {
    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const file = await writeXlsx(path.join(dir, '全错.xlsx'), {
      headers: ['村（社区）', '户号', '姓名', '身份证号'],
      rows: [[village.name, 'H1', '张\u200b三', idFor('1960-05-01', 11)]],
    });
    const p = await t.ok('import.preview', { kind: 'roster', file });
    expect(p.writable).toBe(false);
    const r = await t.call('import.commit', { token: p.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toContain('没有要写入台账的内容');
    expect(t.ctx.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });
});
