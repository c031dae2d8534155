// A county's edit of its tables, checked as the app checks it: every fault comes back with the
// line it is on and what is wrong, in Chinese; the shipped tables have none.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasTableSchema } from '../../../src-main/domain/import/category-labels';
import { headerWordsSchema } from '../../../src-main/domain/import/fields';
import { defaultAliasFile } from '../../../src-main/policies/aliases';
import { defaultHeaderFile } from '../../../src-main/policies/header-words';
import { checkTableText, type TableFault } from '../../../src-main/policies/yaml-table';

const aliases = fs.readFileSync(defaultAliasFile(), 'utf8');
const headers = fs.readFileSync(defaultHeaderFile(), 'utf8');
/** The 1-based line of the first line of `text` that holds `part`. */
const lineOf = (text: string, part: string) => text.split('\n').findIndex((l) => l.includes(part)) + 1;
const faults = (text: string, schema: typeof aliasTableSchema | typeof headerWordsSchema): TableFault[] => {
  const r = checkTableText(text, schema);
  return r.ok ? [] : r.faults;
};

describe('the shipped tables', () => {
  it('have no faults', () => {
    expect(faults(aliases, aliasTableSchema)).toEqual([]);
    expect(faults(headers, headerWordsSchema)).toEqual([]);
  });
});

describe('categories.yaml', () => {
  it('names an alias under two codes at both its lines', () => {
    const text = aliases.replace('  destitute:\n', '  destitute:\n    - { alias: 低保, source: departments }\n');
    const edit = lineOf(text, '{ alias: 低保, source: departments }');
    const other = text.split('\n').findIndex((l, i) => i + 1 > edit && l.includes('{ alias: 低保, source: departments }')) + 1;
    expect(faults(text, aliasTableSchema)).toEqual([{ line: other, message: `“低保”同时列在 destitute 和 min_living 下（另一处在第 ${edit} 行）` }]);
  });

  it('names an alias the reader would take for another code’s once 对象 is dropped', () => {
    const text = aliases.replace('  destitute:\n', '  destitute:\n    - { alias: 低保对象, source: departments }\n');
    expect(faults(text, aliasTableSchema)).toEqual([
      {
        line: lineOf(text, '{ alias: 低保, source: departments }'),
        message: `“低保”列在 min_living 下，而 destitute 下的“低保对象”读起来是同一个名称（括号、末尾的“对象”“人员”等不算）（另一处在第 ${lineOf(text, '低保对象')} 行）`,
      },
    ]);
  });

  it('names an unknown code, an unknown key and a YAML syntax error', () => {
    const unknownCode = aliases.replace('  orphan:\n', '  orphans:\n');
    expect(faults(unknownCode, aliasTableSchema)).toEqual([
      { line: lineOf(aliases, '  orphan:'), message: expect.stringContaining('不认识的类别代码“orphans”') },
    ]);
    expect(faults(unknownCode, aliasTableSchema)[0]!.message).toContain('可用的类别代码：destitute（特困人员）、orphan（城乡孤儿）');
    const unknownKey = aliases.replace('{ alias: 孤儿, source: departments }', '{ alias: 孤儿, source: departments, note: 新增 }');
    expect(faults(unknownKey, aliasTableSchema)).toEqual([{ line: lineOf(aliases, '{ alias: 孤儿,'), message: '不认识的项“note”' }]);
    const syntax = aliases.replace('{ alias: 孤儿, source: departments }', '{ alias: 孤儿, source: departments');
    // YAML names the line where it noticed: an unclosed { is seen on the line after it.
    const [fault, ...more] = faults(syntax, aliasTableSchema);
    expect(more).toEqual([]);
    expect(fault!.message).toMatch(/^不是有效的 YAML：/);
    expect(fault!.line! - lineOf(aliases, '{ alias: 孤儿,')).toBeOneOf([0, 1]);
  });
});

describe('headers.yaml', () => {
  it('names an unknown field, and a word under two fields at both its lines', () => {
    const unknownField = headers.replace('  phone:\n', '  phones:\n');
    expect(faults(unknownField, headerWordsSchema)).toEqual([{ line: lineOf(headers, '  phone:'), message: expect.stringContaining('不认识的字段“phones”') }]);
    const twice = headers.replace(
      '    - { word: 与户主关系, source: police }\n',
      '    - { word: 与户主关系, source: police }\n    - { word: 姓名, source: offices }\n',
    );
    expect(faults(twice, headerWordsSchema)).toEqual([
      {
        line: lineOf(twice, '{ word: 姓名, source: offices }'),
        message: `“姓名”同时写在 name 和 relation 下（另一处在第 ${lineOf(twice, '{ word: 姓名, source: county }')} 行）`,
      },
    ]);
  });

  it('names a fallback word that is also a field’s word', () => {
    const text = headers.replace(
      '    - { word: 户主姓名, source: departments }\n',
      '    - { word: 户主姓名, source: departments }\n    - { word: 身份证号, source: offices }\n',
    );
    expect(faults(text, headerWordsSchema)).toEqual([
      {
        line: lineOf(text, '{ word: 身份证号, source: offices }'),
        message: expect.stringContaining('“身份证号”既写在 fields 的 idNumber 下，又写在 fallbacks 的 name 下'),
      },
    ]);
  });
});
