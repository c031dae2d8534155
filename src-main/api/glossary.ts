// The Chinese label of every code (docs/glossary.md), for the screens.
import { z } from 'zod';
import { FIELD_LABELS } from '../domain/import/fields';
import { DEPARTMENTS, NOT_ENROLLED_ANSWERS, OUT_OF_COUNTY, OUT_OF_SCOPE, PERSON_CATEGORIES, RESIDENCES, STUDENT_KINDS, type Department } from '../domain/codes';
import { departmentLabel } from '../domain/policy/compile';
import type { Policy } from '../domain/policy/schema';
import { latestPolicy } from '../enrollment/policy';
import { EXPORT_TITLES } from '../outputs/exports';
import { reads } from './handler';

function officeDepartments(policy: Policy | undefined): Record<Department, string> {
  const out: Record<Department, string> = { ...DEPARTMENTS };
  if (policy) for (const d of Object.keys(out) as Department[]) out[d] = departmentLabel(policy, d);
  return out;
}

/** The department the newest policy certifies each of its subsidy categories by; the desk's 认定 offers these. */
function certifiedBy(policy: Policy | undefined): Record<string, Department | null> {
  const out: Record<string, Department | null> = {};
  for (const [code, c] of Object.entries(policy?.categories ?? {})) out[code] = (c as { department?: Department }).department ?? null;
  return out;
}

export const glossaryHandlers = {
  // Departments are named as the office's newest policy names them (docs/rules.md "Departments' names":
  // 农坝's notice says 退役军人事务管理局); codes.ts's words only where the policy is silent.
  'glossary.get': reads('anyone', z.object({}).strict(), (ctx) => ({
    categories: PERSON_CATEGORIES,
    departments: officeDepartments(latestPolicy(ctx)),
    certifiedBy: certifiedBy(latestPolicy(ctx)),
    residences: RESIDENCES,
    students: STUDENT_KINDS,
    outOfScope: OUT_OF_SCOPE,
    outOfCounty: OUT_OF_COUNTY,
    statuses: { active: '正常', ...OUT_OF_SCOPE },
    importFields: FIELD_LABELS,
    exports: EXPORT_TITLES,
    notEnrolledAnswers: NOT_ENROLLED_ANSWERS,
  })),
};
