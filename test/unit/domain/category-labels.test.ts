// The alias table read as a county's files write categories: one cell may hold several; a
// label with its own 、 is never split; what the table does not know, or knows as several
// codes, comes back for the clerk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryReader } from '../../../src-main/domain/import/category-labels';
import { PERSON_CATEGORIES, type PersonCategory } from '../../../src-main/domain/codes';
import { defaultAliasFile, readAliasTable } from '../../../src-main/policies/aliases';

const table = readAliasTable(defaultAliasFile());
const read = categoryReader(table, [
  ['计生残抚（特扶）对象', 'fp_special'],
  ['脱贫不稳定人口', 'unstable_lifted'],
] as [string, PersonCategory][]);
const codes = (cell: string, grades = false) => read(cell, { grades });

describe('category labels as the files write them', () => {
  it.each([
    ['城乡低保对象', ['min_living']],
    ['低保户', ['min_living']],
    ['低保边缘户', ['near_min_living']],
    ['特困供养人员', ['destitute']],
    ['计生残抚（特扶）对象', ['fp_special']],
    ['计生奖扶', ['fp_reward']],
    ['脱贫不稳定人口', ['unstable_lifted']],
    ['边缘易致贫户', ['marginal_at_risk']],
    ['在乡老复员军人', ['old_demobilized']],
    // One thing under three spellings of its grade.
    ['城乡重度(一、二级)残疾人员', ['severe_disability']],
    ['城乡重度（1~2级）残疾人员-7069', ['severe_disability']],
    ['城乡重度1-2级残疾人员', ['severe_disability']],
    ['三、四级残疾人', ['disability_3_4']],
    // 医保's identity names with their codes.
    ['特困人员-7131', ['destitute']],
    ['城乡孤儿-7041', ['orphan']],
    ['事实无人抚养儿童-7141', ['unsupported_child']],
    ['在乡老复员军人-7090', ['old_demobilized']],
    ['在乡重点优抚对象-7052', ['priority_care']],
    ['低保边缘户-7201', ['near_min_living']],
    ['返贫致贫人口-7202', ['returned_poverty']],
    ['脱贫不稳定户-7203', ['unstable_lifted']],
    ['边缘易致贫户-7204', ['marginal_at_risk']],
    ['突发严重困难户-7205', ['sudden_hardship']],
    ['因病致贫家庭重病患者-7110', ['illness_poverty_patient']],
    // 税务's 代缴类别.
    ['民政城乡低保对象', ['min_living']],
    ['民政在乡老复员军人', ['old_demobilized']],
    ['民政城乡重度(一、二级)残疾人员', ['severe_disability']],
    ['民政在乡重点优抚对象(不含1-6级残疾军人)', ['priority_care']],
    // Several in one cell.
    ['低保、城乡重度(一、二级)残疾人员', ['min_living', 'severe_disability']],
    ['特困人员;三、四级残疾人', ['destitute', 'disability_3_4']],
    ['低保/计生奖扶', ['min_living', 'fp_reward']],
  ])('%s → %j', (cell, expected) => {
    const r = codes(cell);
    expect({ codes: [...r.codes].sort(), unknown: r.unknown, ambiguous: r.ambiguous }).toEqual({ codes: [...expected].sort(), unknown: [], ambiguous: [] });
  });

  it('returns what it does not know, never a guess', () => {
    expect(codes('普通居民')).toEqual({ codes: [], unknown: ['普通居民'], ambiguous: [] });
    expect(codes('低保、其他')).toEqual({ codes: ['min_living'], unknown: ['其他'], ambiguous: [] });
    expect(codes('非低保')).toMatchObject({ codes: ['min_living'], unknown: ['非'] });
    expect(codes('')).toEqual({ codes: [], unknown: [], ambiguous: [] });
  });

  it('names a 医保 group that is more than one code', () => {
    const r = codes('低保中重残重病人员-7019');
    expect(r.codes).toEqual([]);
    expect(r.ambiguous).toEqual([{ label: '低保中重残重病人员7019', codes: ['min_living', 'severe_disability', 'illness_poverty_patient'] }]);
  });

  it.each([
    ['一级', ['severe_disability']],
    ['肢体二级', ['severe_disability']],
    ['三级', ['disability_3_4']],
    ['视力四级', ['disability_3_4']],
  ])('a 残疾等级 of %s reads as %j', (cell, expected) => expect(codes(cell, true)).toEqual({ codes: expected, unknown: [], ambiguous: [] }));

  it('reads any set of the glossary’s own labels joined by any separator back as exactly their codes', () => {
    const all = Object.entries(PERSON_CATEGORIES) as [PersonCategory, string][];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...all), { minLength: 1, maxLength: 4, selector: ([c]) => c }),
        fc.constantFrom('、', ',', '；', '/', ' / '),
        (picked, sep) => {
          const r = codes(picked.map(([, label]) => label).join(sep));
          expect(r.unknown).toEqual([]);
          expect([...r.codes].sort()).toEqual(picked.map(([c]) => c).sort());
        },
      ),
    );
  });
});
