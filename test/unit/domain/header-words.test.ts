// The header words are data (resources/layouts/headers.yaml): what the shipped table must hold,
// and what a county's edit of it may not do.
import fs from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, fieldForHeader, headerWordsSchema, type FieldKey } from '../../../src-main/domain/import/fields';
import { defaultHeaderFile, headerWords } from '../../../src-main/policies/header-words';

const shipped = () => YAML.parse(fs.readFileSync(defaultHeaderFile(), 'utf8')) as { fields: Record<string, { word: string; source: string }[]> };

describe('the shipped header words', () => {
  it('give every field words, and read each field’s own label (the column picker’s and canbao’s exports’ word) as that field', () => {
    for (const [key, label] of Object.entries(FIELD_LABELS) as [FieldKey, string][]) {
      expect(shipped().fields[key]?.length, key).toBeGreaterThan(0);
      expect(fieldForHeader(headerWords(), label), label).toBe(key);
    }
  });

  it('read the 税务, 医保 and 户籍 headers of issue 15 each as its own field', () => {
    const words = headerWords();
    const read = (hs: string[]) => hs.map((h) => fieldForHeader(words, h) ?? null);
    expect(read(['序号', '街道乡镇', '姓名', '身份证件类型', '身份证件号码', '人员编号', '代缴类别', '代缴金额', '个人缴费日期'])).toEqual([
      null,
      null,
      'name',
      null,
      'idNumber',
      // 人员编号: the platform knows the person (docs/rules.md "New persons for the platform").
      'personNo',
      'category',
      'subsidyAmount',
      'paidOn',
    ]);
    expect(read(['公民身份号码', '户号', '与户主关系', '社区村居委会', '户籍地详址', '是否在籍'])).toEqual([
      'idNumber',
      'householdNumber',
      'relation',
      'village',
      'address',
      'registered',
    ]);
    expect(read(['参保年度(职工)', '参保年度(居民)', '2024年参保目标任务数', '2024年指导性任务数'])).toEqual([
      'employeeYear',
      'residentYear',
      'target',
      'target',
    ]);
  });
});

describe('a county’s edit of the header words', () => {
  const base = () => YAML.parse(fs.readFileSync(defaultHeaderFile(), 'utf8')) as Record<string, unknown> & { fields: Record<string, unknown[]> };

  it('adds a word without a release: 参合人姓名 reads as 姓名', () => {
    const t = base();
    t.fields.name = [...t.fields.name!, { word: '参合人姓名', source: 'offices' }];
    expect(fieldForHeader(headerWordsSchema.parse(t), '参合人姓名')).toBe('name');
  });

  it.each([
    ['a word under two fields', (t: ReturnType<typeof base>) => t.fields.phone!.push({ word: '姓名', source: 'offices' }), '同时写在 name 和 phone 下'],
    ['a field the program does not have', (t: ReturnType<typeof base>) => (t.fields.nickname = [{ word: '小名', source: 'offices' }]), 'nickname'],
    ['a source not listed', (t: ReturnType<typeof base>) => t.fields.name!.push({ word: '人名', source: 'somewhere' }), '来源 somewhere 不在 sources 中'],
  ])('is refused with %s', (_, edit, message) => {
    const t = base();
    edit(t);
    const r = headerWordsSchema.safeParse(t);
    expect(r.success).toBe(false);
    if (!r.success) expect(JSON.stringify(r.error.issues)).toContain(message);
  });
});
