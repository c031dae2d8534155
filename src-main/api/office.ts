// The office itself: its name and county, its settings, the policy in force each year, and the
// state of the tables its county edits.
import { z } from 'zod';
import { workingYear } from '../domain/working-year';
import { policyName } from '../domain/policy/place';
import { officeYears } from '../enrollment/policy';
import * as repo from '../ledger/office';
import { chooseOfficePolicy, officePolicy } from '../ledger/enrollments';
import { Refusal, audit, reads, writes } from './handler';
import { coverageYear, phone, text } from './fields';

export const placeName = (label: string, max: number) => text('place', label).pipe(z.string().max(max, `${label}不能超过 ${max} 个字。`));

export const officeHandlers = {
  'office.get': reads('clerk', z.object({}).strict(), (ctx) => repo.getOffice(ctx.db)),

  'office.update': writes(
    'admin',
    z.object({
      townshipName: placeName('乡镇/街道名称', 30).pipe(z.string().min(1, '请填写乡镇/街道名称。')),
      county: placeName('所属区县', 30),
      countyCode: z
        .string({ error: '区划代码应是文字。' })
        .trim()
        .regex(/^([1-9]\d{5})?$/, '本县行政区划代码是 6 位数字（如酉阳县 500242），可在统计用区划代码中查到；不知道可以不填。')
        .optional(),
      receiptFullId: z.boolean().optional(),
      phone: phone.optional(),
      address: text('address', '社保所地址').optional(),
      publicDays: z
        .number({ error: '公示天数应是数字。' })
        .int('公示天数应是整数。')
        .min(1, '公示天数至少 1 天。')
        .max(60, '公示天数不能超过 60 天。')
        .optional(),
    }),
    (ctx, arg) => {
      const before = repo.getOffice(ctx.db);
      const after = repo.updateOffice(ctx.db, arg);
      audit(ctx, { action: 'office.update', entity: 'office', entityId: 1, before, after });
      return after;
    },
  ),

  // Looked at again on each call: a fixed file clears its warning without a restart.
  'office.tables': reads('clerk', z.object({}).strict(), (ctx) => ctx.tables.status()),

  'office.policies': reads('clerk', z.object({}).strict(), (ctx) => {
    // Two years are open at once in autumn (酉阳 2024-09-13 to 09-30); screens open on the working one.
    const years = officeYears(ctx);
    const working = workingYear(years);
    return years.map((r) => ({ ...r, working: r.coverageYear === working }));
  }),

  'office.setPolicy': writes('admin', z.object({ coverageYear, policyId: z.string({ error: '请选择政策。' }) }), (ctx, arg) => {
    const p = ctx.policies.get(arg.policyId);
    if (!p) throw new Refusal('not_found', `没有政策「${arg.policyId}」。`, 'policyId');
    if (p.abstract) throw new Refusal('invalid_input', `「${p.region}」是基础政策，请选择本地区的具体政策。`, 'policyId');
    if (p.coverageYear !== arg.coverageYear) throw new Refusal('invalid_input', `「${policyName(p)}」不是 ${arg.coverageYear} 年度的政策。`, 'policyId');
    const before = officePolicy(ctx.db, arg.coverageYear) ?? null;
    chooseOfficePolicy(ctx.db, arg.coverageYear, arg.policyId);
    audit(ctx, { action: 'office.setPolicy', entity: 'office_policy', entityId: arg.coverageYear, before, after: arg.policyId });
    return { coverageYear: arg.coverageYear, policyId: arg.policyId };
  }),
};
