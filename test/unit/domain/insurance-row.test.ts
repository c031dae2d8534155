// The 医保 list's words and codes, read the way the office's files write them (issue 15).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionWhere, insuredWord, parseInsuranceRow, yearCell } from '../../../src-main/domain/import/insurance';
import { mapHeaders as mapIn } from '../../../src-main/domain/import/fields';
import { headerWords } from '../../../src-main/policies/header-words';

const mapHeaders = (headers: string[]) => mapIn(headerWords(), headers);
import { idFor } from '../../helpers/people';
import { YIBAO_VERIFY_HEADERS } from '../../helpers/layouts';

const YUNYANG = { code: '500235', name: '云阳县' };

describe('参保状态 words', () => {
  it.each([
    ['正常参保', true],
    ['参保缴费', true],
    ['已参保', true],
    ['是', true],
    ['已缴费', true],
    ['正常', true],
    // 医保 status words (docs/rules.md "医保 status words"): an ending or a pause is neither insured nor not.
    ['暂停缴费', 'ended'],
    ['暂停参保(中断)', 'ended'],
    ['终止参保', 'ended'],
    ['注销', 'ended'],
    ['未参保', false],
    ['未缴费', false],
    ['否', false],
    ['', null],
    ['  ', null],
    ['待审核', undefined],
    // Any other word is the row's problem, not a guess.
    ['欠费', undefined],
    ['退保', undefined],
  ])('%s → %s', (word, said) => expect(insuredWord(word)).toBe(said));
});

describe('参保年度 cells', () => {
  it.each([
    ['2024', 2024],
    ['2024年', 2024],
    ['2024年度', 2024],
    ['2024-2025', 2024],
    ['２０２３', 2023],
    ['', null],
    ['24', undefined],
    ['1900', undefined],
    ['20240101', undefined],
  ])('%s → %s', (cell, year) => expect(yearCell(cell)).toBe(year));
});

describe('所属区划 against the county (GB/T 2260)', () => {
  it.each([
    ['500235', 'county'],
    ['500235000000', 'county'],
    ['500235102', 'county'],
    // 重庆 is a municipality: any district or county of it is 市内.
    ['500101', 'city'],
    ['500242', 'city'],
    ['510104', 'outside'],
    ['重庆市云阳县', 'county'],
    ['云阳', 'county'],
    ['重庆市万州区', undefined],
    ['5002', undefined],
  ])('%s is %s of 云阳县 500235', (raw, where) => expect(divisionWhere(raw, YUNYANG)).toBe(where));

  it('tells the same city by the first four digits outside the municipalities', () => {
    const jiangxia = { code: '420115', name: '江夏区' };
    expect(divisionWhere('420111', jiangxia)).toBe('city');
    expect(divisionWhere('421002', jiangxia)).toBe('outside');
  });

  it('cannot place a code without the county’s own', () => expect(divisionWhere('500101', { code: '', name: '云阳县' })).toBeUndefined());
});

const HEADERS: string[] = [...YIBAO_VERIFY_HEADERS];

describe('a 困难人员参保核实 row', () => {
  const mapping = mapHeaders(HEADERS);
  const id = idFor('1970-01-01', 11);
  const row = (cells: Record<string, string>) => HEADERS.map((h) => cells[h] ?? '');

  it('maps all sixteen headers it reads, each to its own field', () => {
    expect(mapping).toEqual({
      name: 0,
      idNumber: 1,
      residentDivision: 2,
      employeeDivision: 3,
      subsidyAmount: 4,
      amount: 5,
      employeeInsured: 6,
      residentInsured: 7,
      insuranceType: 8,
      employeeYear: 10,
      residentYear: 11,
      residentStatus: 12,
      collegeStatus: 13,
      employeeStatus: 14,
      category: 15,
    });
  });

  it('takes the scheme’s status over its 是/否, and a college student’s insurance as 居民医保', () => {
    const r = parseInsuranceRow(
      row({
        身份证号: id,
        是否参保职工: '是',
        职工医保参保状态: '暂停缴费',
        '参保年度(职工)': '2024',
        大学生医保参保状态: '正常参保',
        居民医保所属区划: '420111',
      }),
      mapping,
      2,
      '2024-01-01',
    );
    expect(r).toEqual({
      row: 2,
      idNumber: id,
      name: '',
      employee: { insured: false, division: '', year: 2024 },
      resident: { insured: true, division: '420111', year: null },
    });
  });

  it('names the cell it cannot read, and a row that says nothing', () => {
    expect(parseInsuranceRow(row({ 身份证号: id, 居民医保参保状态: '待审核' }), mapping, 3, '2024-01-01')).toMatchObject({ field: 'residentStatus' });
    expect(parseInsuranceRow(row({ 身份证号: id, '参保年度(居民)': '24年', 是否参保居民: '是' }), mapping, 3, '2024-01-01')).toMatchObject({
      field: 'residentYear',
    });
    expect(parseInsuranceRow(row({ 身份证号: id }), mapping, 4, '2024-01-01')).toMatchObject({
      field: null,
      message: expect.stringContaining('没有说明参保情况'),
    });
  });

  it('reads 终止参保 / 暂停参保 of 居民医保 as ended (the year unknown), unless the row also says the year was not paid', () => {
    const m = mapHeaders(['身份证号', '年度', '居民医保参保状态', '是否参保居民']);
    expect(parseInsuranceRow([id, '2024', '终止参保', ''], m, 2, '2025-01-01')).toMatchObject({ resident: { insured: false, ended: true, year: 2024 } });
    expect(parseInsuranceRow([id, '2024', '暂停参保', ''], m, 2, '2025-01-01')).toMatchObject({ resident: { insured: false, ended: true } });
    expect(parseInsuranceRow([id, '2024', '终止参保', '否'], m, 2, '2025-01-01')).toEqual(
      expect.objectContaining({ resident: { insured: false, division: '', year: 2024 } }),
    );
  });

  it('a 职工医保 暂停 or 停保 is a stop, not insurance; 是否参保职工 = 否 alone says nothing of 居民医保', () => {
    const m = mapHeaders(['身份证号', '年度', '职工医保参保状态', '是否参保职工']);
    expect(parseInsuranceRow([id, '2024', '停保', ''], m, 2, '2025-01-01')).toMatchObject({ employee: { insured: false, year: 2024 }, resident: null });
    expect(parseInsuranceRow([id, '2024', '', '否'], m, 2, '2025-01-01')).toMatchObject({ employee: { insured: false }, resident: null });
  });

  it('reads a plain status sheet: 参保类型 names the scheme of 参保状态', () => {
    const m = mapHeaders(['身份证号', '年度', '参保状态', '参保类型']);
    expect(parseInsuranceRow([id, '2023', '未参保', '城乡居民基本医疗保险'], m, 2, '2024-01-01')).toMatchObject({
      employee: null,
      resident: { insured: false, year: 2023 },
    });
    expect(parseInsuranceRow([id, '2023', '参保缴费', '职工基本医疗保险'], m, 2, '2024-01-01')).toMatchObject({
      employee: { insured: true, year: 2023 },
      resident: null,
    });
  });

  it('never throws, whatever the cells hold, and answers a record or a problem', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('是', '否', '正常参保', '2024', '500235', id)), { minLength: 16, maxLength: 16 }), (cells) => {
        cells[1] = id;
        const r = parseInsuranceRow(cells, mapping, 2, '2024-01-01');
        expect('message' in r || 'employee' in r).toBe(true);
      }),
    );
  });
});
