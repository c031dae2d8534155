// Matching the category a department's list writes (低保户, 特困供养, 计生奖扶 …) to a
// glossary code. Pure: the policies' own labels are passed in.
import { PERSON_CATEGORIES, type PersonCategory } from '../codes';

// Short forms seen on department lists, besides the glossary and policy labels.
const SHORT_FORMS: [string, PersonCategory][] = [
  ['特困', 'destitute'],
  ['特困供养', 'destitute'],
  ['孤儿', 'orphan'],
  ['事实无人抚养', 'unsupported_child'],
  ['低保', 'min_living'],
  ['城乡低保', 'min_living'],
  ['低保边缘', 'near_min_living'],
  ['重度残疾', 'severe_disability'],
  ['一二级残疾', 'severe_disability'],
  ['三四级残疾', 'disability_3_4'],
  ['残疾34级', 'disability_3_4'],
  ['计生奖扶', 'fp_reward'],
  ['奖扶', 'fp_reward'],
  ['计生特扶', 'fp_special'],
  ['特扶', 'fp_special'],
  ['手术并发症', 'fp_complication'],
  ['老复员军人', 'old_demobilized'],
  ['烈士遗属', 'martyr_survivor'],
  ['因公牺牲军人遗属', 'duty_death_survivor'],
  ['病故军人遗属', 'illness_death_survivor'],
  ['重点优抚', 'priority_care'],
  ['返贫致贫', 'returned_poverty'],
  ['脱贫不稳定', 'unstable_lifted'],
  ['边缘易致贫', 'marginal_at_risk'],
  ['突发严重困难', 'sudden_hardship'],
  ['因病返贫监测', 'illness_monitored'],
  ['农村低收入', 'low_income_rural'],
  ['稳定脱贫', 'stable_lifted'],
  ['医疗救助', 'medical_aid'],
  ['宗教教职', 'clergy'],
  ['1-6级残疾军人', 'disabled_veteran_1_6'],
];

export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s()（）【】[\]“”"、,，.。:：]/g, '')
    .replace(/(对象|人员|人口|家庭|户)+$/u, '')
    .toLowerCase();
}

export function categoryMatcher(extraLabels: Iterable<[string, PersonCategory]> = []): (label: string) => PersonCategory | undefined {
  const exact = new Map<string, PersonCategory>();
  const add = (label: string, code: PersonCategory) => {
    const n = normalizeLabel(label);
    if (n && !exact.has(n)) exact.set(n, code);
  };
  for (const [code, label] of Object.entries(PERSON_CATEGORIES) as [PersonCategory, string][]) add(label, code);
  for (const [label, code] of extraLabels) add(label, code);
  for (const [label, code] of SHORT_FORMS) add(label, code);
  // Longest first, so 低保边缘 wins over 低保 inside "低保边缘户".
  const byLength = [...exact.entries()].sort((a, b) => b[0].length - a[0].length);
  return (label) => {
    const n = normalizeLabel(label);
    if (!n) return undefined;
    return exact.get(n) ?? byLength.find(([k]) => k.length >= 2 && n.includes(k))?.[1];
  };
}
