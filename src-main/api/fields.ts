// Input pieces shared by several handler areas, each with its Chinese message.
import { z } from 'zod';
import { DEPARTMENTS, OUT_OF_COUNTY, PERSON_CATEGORIES, RESIDENCES, STUDENT_KINDS } from '../domain/codes';
import { isIsoDate } from '../domain/dates';
import { checkPhone, checkText, type TextCheck, type TextKind } from '../domain/text';

export const idOf = (what: string) =>
  z
    .number({ error: `缺少${what}编号。` })
    .int(`${what}编号无效。`)
    .positive(`${what}编号无效。`);

export const isoDate = (what: string) => z.string({ error: `请填写${what}。` }).refine(isIsoDate, { error: `${what}不是有效的日期（格式 YYYY-MM-DD）。` });

export const coverageYear = z.number({ error: '请填写参保年度。' }).int().min(2000, '参保年度不对。').max(2100, '参保年度不对。');

/** Text checked as every import checks it (domain/text.ts): the desk and the files agree. */
const checked = (check: (raw: string) => TextCheck, required?: string, missing = required ?? '请填写文字。') =>
  z.string({ error: missing }).transform((raw, ctx) => {
    const r = check(raw);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    else if (required && !r.value) ctx.addIssue({ code: 'custom', message: required });
    return r.ok ? r.value : '';
  });

export const text = (kind: TextKind, label?: string, required?: string) =>
  checked((raw) => checkText(kind, raw, label), required, required ?? `请填写${label ?? '文字'}。`);

export const personName = text('name', '姓名', '请填写姓名。');
export const phone = checked(checkPhone, undefined, '联系电话格式不对（手机 11 位，或区号-号码）。');
export const relation = text('relation');

const enumOf = <T extends Record<string, string>>(table: T, what: string) =>
  z.enum(Object.keys(table) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]], { error: `${what}不在可选范围内。` });

export const residence = enumOf(RESIDENCES, '参保范围');
export const student = enumOf(STUDENT_KINDS, '学生类别');
export const personCategory = enumOf(PERSON_CATEGORIES, '人员类别');
export const department = enumOf(DEPARTMENTS, '认定部门');
export const outOfCounty = enumOf(OUT_OF_COUNTY, '县外参保情况');
export const tier = z.union([z.literal(1), z.literal(2)], { error: '参保档次只能是一档或二档。' });
