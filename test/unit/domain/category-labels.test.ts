import { describe, expect, it } from 'vitest';
import { categoryMatcher } from '../../../src-main/domain/import/category-labels';
import type { PersonCategory } from '../../../src-main/domain/codes';

const match = categoryMatcher([
  ['计生残抚（特扶）对象', 'fp_special'],
  ['脱贫不稳定人口', 'unstable_lifted'],
] as [string, PersonCategory][]);

describe('category labels on department lists', () => {
  it.each([
    ['城乡低保对象', 'min_living'],
    ['低保户', 'min_living'],
    ['低保边缘户', 'near_min_living'],
    ['特困供养人员', 'destitute'],
    ['计生残抚（特扶）对象', 'fp_special'],
    ['计生奖扶', 'fp_reward'],
    ['脱贫不稳定人口', 'unstable_lifted'],
    ['边缘易致贫户', 'marginal_at_risk'],
    ['城乡重度(一、二级)残疾人员', 'severe_disability'],
    ['在乡老复员军人', 'old_demobilized'],
  ])('%s → %s', (label, code) => expect(match(label)).toBe(code));

  it.each(['', '普通居民', '其他'])('%j matches nothing', (label) => expect(match(label)).toBeUndefined());
});
