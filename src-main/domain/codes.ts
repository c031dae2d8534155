// The glossary (docs/glossary.md) as code: one code per idea, with the Chinese
// label shown to clerks. Policy files may relabel a code for their region, never add one.

export const DEPARTMENTS = {
  civil_affairs: '民政局',
  veterans: '退役军人事务局',
  disabled_federation: '残疾人联合会',
  health: '卫生健康委',
  rural_revitalization: '乡村振兴局',
  finance: '财政局',
} as const;
export type Department = keyof typeof DEPARTMENTS;

export const SUBSIDY_CATEGORIES = {
  destitute: '特困人员',
  orphan: '城乡孤儿',
  unsupported_child: '事实无人抚养儿童',
  min_living: '城乡低保对象',
  near_min_living: '低保边缘户',
  illness_poverty_patient: '因病致贫家庭重病患者',
  civil_affairs_other: '民政部门建档其他人员',
  severe_disability: '城乡重度(一、二级)残疾人员',
  disability_3_4: '三、四级残疾人',
  fp_reward: '计划生育奖励扶助对象',
  fp_special: '计划生育特别扶助对象及其子女',
  fp_complication: '计划生育手术并发症人员',
  old_demobilized: '在乡老复员军人',
  martyr_survivor: '烈士遗属',
  duty_death_survivor: '因公牺牲军人遗属',
  illness_death_survivor: '病故军人遗属',
  martyr_child_60: '60周岁以上烈士子女',
  priority_care: '在乡重点优抚对象',
  special_care_six: '“六类对象”',
  special_care_two: '“两类人员”',
  ex_soldier_unemployed: '城镇已失业又未纳入职工医保的14类退役士兵',
  returned_poverty: '返贫致贫人口',
  unstable_lifted: '脱贫不稳定户',
  marginal_at_risk: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
  illness_monitored: '因病纳入防止返贫监测范围的困难群众',
} as const;
export type SubsidyCategory = keyof typeof SUBSIDY_CATEGORIES;

/** Facts that change a quote without being a subsidy. */
export const OTHER_PERSON_FACTS = {
  disabled_veteran_1_6: '1-6级残疾军人',
  low_income_rural: '农村低收入人口',
  stable_lifted: '稳定脱贫人口',
  medical_aid: '医疗救助对象',
  clergy: '宗教教职人员',
} as const;
export type OtherPersonFact = keyof typeof OTHER_PERSON_FACTS;

export type PersonCategory = SubsidyCategory | OtherPersonFact;
export const PERSON_CATEGORIES: Record<PersonCategory, string> = { ...SUBSIDY_CATEGORIES, ...OTHER_PERSON_FACTS };

export const RESIDENCES = {
  local_hukou: '本地户籍',
  long_term_resident: '长期居住',
  permit: '取得居住证的外地户籍人员',
  foreign_permanent: '外国人永久居留证',
  hmt_permit: '港澳台居民居住证',
  hmt_student: '在渝高校台港澳大学生',
  talent_family: '引进人才的配偶、未成年子女及父母',
} as const;
export type Residence = keyof typeof RESIDENCES;

export const STUDENT_KINDS = {
  none: '非学生',
  school: '中小学、中职、特教在册学生和托幼在园幼儿',
  college: '高校大学生(含全日制研究生)',
} as const;
export type StudentKind = keyof typeof STUDENT_KINDS;

export const OUT_OF_SCOPE = { empty_registration: '空挂户', deceased: '死亡', abroad: '出国' } as const;
export type OutOfScope = keyof typeof OUT_OF_SCOPE;

export const OUT_OF_COUNTY = {
  // 附件5's own column headers, word for word, so a village can copy between 附件4 and 附件5.
  in_city_resident: '县外市内参加居民医保（大学生医保）',
  in_city_employee: '县外市内参加职工医保',
  out_city_resident: '市外参加居民医保（大学生医保）',
  out_city_employee: '市外参加职工医保',
  military: '参军',
  prison: '服刑',
} as const;
export type OutOfCounty = keyof typeof OUT_OF_COUNTY;

/** Why a person in scope is not enrolled this year (the worklist's reasons besides statuses and 县外 kinds). */
export const NOT_ENROLLED_REASONS = {
  refused: '拒参',
  missing: '失踪',
  unreachable: '无法联系',
  deregistered: '已注销户口',
  moved_out: '户口迁出',
  other: '其他',
} as const;
export type NotEnrolledReason = keyof typeof NOT_ENROLLED_REASONS;

/**
 * The words a village may answer why a person is not enrolled, as the worklist's dropdown offers
 * them and the printed list names them at its foot: insured elsewhere, out of scope, a reason.
 */
export const NOT_ENROLLED_ANSWERS: readonly string[] = [
  ...Object.values(OUT_OF_COUNTY),
  ...Object.values(OUT_OF_SCOPE),
  ...Object.values(NOT_ENROLLED_REASONS),
];

/** The kinds of file an import reads (targets are set apart, not a batch). */
export const IMPORT_KIND_CODES = ['roster', 'categories', 'payments', 'situations', 'insurance'] as const;

export const TIER_LABELS = { 1: '一档', 2: '二档' } as const;
export type Tier = 1 | 2;

/** A table's codes with their labels, for a message about a code that is none of them: `orphan（城乡孤儿）、…`. */
export const codeChoices = (table: Readonly<Record<string, string>>) =>
  Object.entries(table)
    .map(([code, label]) => `${code}（${label}）`)
    .join('、');

export function isCode<T extends object>(table: T, code: string): code is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, code);
}
