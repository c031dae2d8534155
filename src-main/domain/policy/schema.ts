// The shape of a resolved policy file (after `extends`), with the Chinese message each
// problem gets. Semantic checks that span fields (overlaps, subsidy above fee) live in
// validate.ts.
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { DEPARTMENTS, OTHER_PERSON_FACTS, PERSON_CATEGORIES, RESIDENCES, SUBSIDY_CATEGORIES, codeChoices } from '../codes';

const cite = z.string({ error: '缺少出处（cite）：每条规则都要写明文号和条款' }).trim().min(1, '出处（cite）不能为空');
const text = z.string({ error: '缺少原文摘录（text）' }).min(1, '原文摘录（text）不能为空');
const ruling = z.string().min(1).optional();
const cited = { cite, text, ruling };

const isoDate = z.string({ error: '必须是 YYYY-MM-DD 格式的日期' }).refine(isIsoDate, { message: '必须是真实的 YYYY-MM-DD 日期' });

export const fen = z
  .number({ error: '金额必须是以分为单位的整数' })
  .int('金额必须是以分为单位的整数（如 380元 写作 38000）')
  .nonnegative('金额不能为负数')
  .max(100_000_000, '金额大得不合理');

const codeOf = <T extends Record<string, string>>(table: T, what: string) =>
  z.enum(Object.keys(table) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]], {
    error: (iss) => `未知的${what}代码「${String(iss.input)}」。可用的代码：${codeChoices(table)}`,
  });

export const departmentCode = codeOf(DEPARTMENTS, '资助认定部门');
export const subsidyCode = codeOf(SUBSIDY_CATEGORIES, '资助类别');
export const personFactCode = codeOf(OTHER_PERSON_FACTS, '人员身份');
export const personCategoryCode = codeOf(PERSON_CATEGORIES, '人员类别');
export const residenceCode = codeOf(RESIDENCES, '参保范围');

const tierKey = z.enum(['1', '2'], { error: '档次只能是 "1" 或 "2"' });

const amount = z
  .strictObject({
    fen: fen.optional(),
    percentOfTier1: z.number().int('百分比必须是整数').min(1).max(100, '百分比不能超过 100').optional(),
  })
  .refine((a) => (a.fen === undefined) !== (a.percentOfTier1 === undefined), {
    message: '资助金额要写成 { fen: 分 } 或 { percentOfTier1: 百分比 }，二者选一',
  })
  .transform((a) => (a.fen !== undefined ? { fen: a.fen } : { percentOfTier1: a.percentOfTier1! }));

const category = z
  .strictObject({
    label: z.string().min(1).optional(),
    department: departmentCode,
    amounts: z.partialRecord(tierKey, amount).optional(),
    fullTier2: z.boolean().optional(),
    excludedBy: z.array(personFactCode).optional(),
    /** A person filed under one of these holds this category too (瑞州: 残疾军人 of any grade is one of the 六类对象). */
    heldBy: z.array(personFactCode).optional(),
    /** Words this region's department lists use for the category, read so only for an office on this policy. */
    listWords: z.array(z.string().min(2)).optional(),
    ...cited,
  })
  .refine((c) => c.fullTier2 || c.amounts, { message: '资助类别要么写 amounts（各档资助金额），要么写 fullTier2: true' });

const benefit = z.discriminatedUnion(
  'start',
  [
    z.strictObject({ start: z.literal('coverage_start') }),
    z.strictObject({ start: z.literal('next_month') }),
    z.strictObject({ start: z.literal('next_day') }),
    z.strictObject({ start: z.literal('wait_days'), days: z.number().int().positive() }),
    z.strictObject({ start: z.literal('wait_months'), months: z.number().int().positive() }),
  ],
  { error: '享受待遇规则只能是 coverage_start / next_month / next_day / wait_days / wait_months' },
);

const window = z.strictObject({
  label: z.string().min(1, '缴费时段要有名称（label）'),
  from: isoDate.nullable(),
  to: isoDate,
  fee: z.enum(['standard', 'standard_plus_fiscal'], { error: '缴费标准只能是 standard 或 standard_plus_fiscal' }),
  benefit,
  warning: z.string().optional(),
  /** No subsidy of any kind applies: the person pays the whole fee (栗子 after 06-30: 不享受财政补助，全额由个人承担). */
  noSubsidy: z.boolean().optional(),
  ...cited,
});

const exemptionBenefit = z.enum(['next_day', 'coverage_start'], { error: '免等待期后的享受规则只能是 next_day 或 coverage_start' });
const exemptionCommon = {
  benefit: exemptionBenefit,
  beyondDeadline: z.boolean().optional(),
  /** The exemption lifts a lapse's wait too (酉阳 2025's 特殊群体: neither the fixed 3 months nor the lapse months). */
  liftsLapse: z.boolean().optional(),
  /** Said with every quote the exemption applies to (a ruling the city may change). */
  warning: z.string().optional(),
  ...cited,
};

const exemption = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('continuous_insured'),
      minYears: z.number().int().positive(),
      windows: z.array(z.string()).optional(),
      ...exemptionCommon,
    }),
    z.strictObject({
      kind: z.literal('employee_insurance_ended'),
      withinMonths: z.number().int().positive(),
      /** Continuously insured (any basic medical insurance) at least this many years before (酉阳 000 三, read as one group). */
      minContinuousYears: z.number().int().positive().optional(),
      ...exemptionCommon,
    }),
    /** A child born before the coverage year, paying within its days of birth. */
    z.strictObject({ kind: z.literal('newborn'), withinDays: z.number().int().positive(), ...exemptionCommon }),
    z.strictObject({ kind: z.literal('discharged'), withinMonths: z.number().int().positive(), ...exemptionCommon }),
    z.strictObject({ kind: z.literal('special_event'), withinDays: z.number().int().positive(), ...exemptionCommon }),
    z.strictObject({ kind: z.literal('subsidized'), ...exemptionCommon }),
    z.strictObject({
      kind: z.literal('category'),
      categories: z.array(personCategoryCode).min(1),
      withinDays: z.number().int().positive().optional(),
      ...exemptionCommon,
    }),
  ],
  { error: '免等待期的种类（kind）只能是 continuous_insured / employee_insurance_ended / newborn / discharged / special_event / subsidized / category' },
);

const tierFee = z.strictObject({ feeFen: fen, cite: cite.optional(), text: text.optional() });

const benefitParam = z.strictObject({
  fen: fen.optional(),
  tiers: z.partialRecord(tierKey, z.strictObject({ fen })).optional(),
  ...cited,
});

const source = z.strictObject({
  number: z.string().min(1),
  title: z.string().min(1),
  date: isoDate.nullable(),
  note: z.string().optional(),
});

export const policySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, '政策编号只能由小写字母、数字和连字符组成'),
  extends: z.string().optional(),
  abstract: z.boolean().optional(),
  region: z.string().min(1, '缺少地区（region）'),
  coverageYear: z.number().int().min(2000).max(2100),
  sources: z.array(source).min(1, '至少要列出一份来源文件（sources）'),
  departments: z.partialRecord(departmentCode, z.strictObject({ label: z.string().min(1) })).optional(),
  /** The city's rule (rule) known only as another notice restates it (restatedIn): cited as the city's. */
  restatedRule: z.strictObject({ rule: z.string().min(1), restatedIn: z.string().min(1) }).optional(),
  scope: z.strictObject({ residences: z.array(residenceCode).min(1), ...cited }),
  tiers: z.partialRecord(tierKey, tierFee.extend({ cite, text })),
  college: z
    .strictObject({
      fees: z.partialRecord(tierKey, tierFee).optional(),
      fundedBy: departmentCode.optional(),
      ...cited,
    })
    .optional(),
  fiscalSubsidy: z.strictObject({ fen, ...cited }).optional(),
  windows: z.record(z.string().regex(/^[a-z0-9_]+$/), window),
  newborn: z.strictObject({ withinDays: z.number().int().positive(), followsInsuredGuardian: z.boolean().optional(), ...cited }).optional(),
  lapse: z
    .strictObject({
      baseMonths: z.number().int().positive(),
      extraMonthsPerYear: z.number().int().nonnegative(),
      warning: z.string().optional(),
      ...cited,
    })
    .optional(),
  outOfScopeFacts: z.partialRecord(personFactCode, z.strictObject({ reason: z.string().min(1), ...cited })).optional(),
  waitingExemptions: z.record(z.string(), exemption).optional(),
  categories: z.partialRecord(subsidyCode, category),
  highestOnly: z.strictObject(cited),
  zeroDeclaration: z.strictObject(cited).optional(),
  refund: z.strictObject({ withinWindows: z.array(z.string()).min(1), ...cited }).optional(),
  benefits: z.record(z.string(), benefitParam).optional(),
  paymentChannels: z.strictObject({ items: z.array(z.string().min(1)).min(1), cite }).optional(),
  /** The ways of paying the desk offers (short names, as the 缴费日报 counts them); without it, a counter's. */
  deskChannels: z.strictObject({ items: z.array(z.string().min(1).max(20)).min(1).max(20), cite }).optional(),
  assessment: z
    .strictObject({
      weeklyReport: z.boolean().optional(),
      bands: z
        .array(
          z.strictObject({
            minPercent: z.number().min(0).max(100),
            deduction: z.number().min(0),
            interview: z.boolean().optional(),
          }),
        )
        .min(1),
      ...cited,
    })
    .optional(),
  table: z
    .strictObject({
      title: z.string().optional(),
      selfFundedDepartment: z.string().min(1),
      ordinaryLabel: z.string().min(1),
    })
    .optional(),
  /** The notice gives the villages' tasks in a table of its own (瑞州's 指导性任务表) instead of 附件2. */
  targetsForm: z.strictObject({ layout: z.literal('guidance'), ...cited }).optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyWindow = z.infer<typeof window>;
export type PolicyCategory = z.infer<typeof category>;
export type PolicyExemption = z.infer<typeof exemption>;
export type BenefitRule = z.infer<typeof benefit>;
