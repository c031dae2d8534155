// Who the year's drive is for. outOfScope: a person living here (not marked 死亡, 空挂户 or 出国),
// not insured outside the county, and not in 职工医保, one rule for the desk, the household notice
// and the quote. listScope: what the year's policy itself leaves out (residences it does not
// cover, categories it sends elsewhere), which the quote refuses and the lists leave out.
// ledger/reports.ts says both in SQL for the lists; test/unit/api/scope.test.ts holds them together.
import { OUT_OF_COUNTY, OUT_OF_SCOPE, type OutOfCounty, type OutOfScope } from '../codes';
import type { Policy } from './schema';

export interface ScopeFacts {
  status: 'active' | OutOfScope;
  statusOn: string | null;
  outOfCounty: OutOfCounty | null;
  employeeInsured: boolean;
}

/** Why a person is out of scope: `long` for a refusal, `short` for a cell on paper. */
export interface OutOfScopeReason {
  long: string;
  short: string;
}

export const EMPLOYEE_INSURED: OutOfScopeReason = { long: '已参加职工基本医疗保险，不在城乡居民医保参保范围内', short: '已参加职工医保' };

export function outOfScope(f: ScopeFacts): OutOfScopeReason | null {
  if (f.status !== 'active')
    return {
      long: `已标记为${OUT_OF_SCOPE[f.status]}${f.statusOn ? `（${f.statusOn}）` : ''}，不在参保范围`,
      short: `${OUT_OF_SCOPE[f.status]}，不在参保范围`,
    };
  if (f.outOfCounty)
    return { long: `已在县外参保（${OUT_OF_COUNTY[f.outOfCounty]}），无需在本地参保`, short: `已在县外参保（${OUT_OF_COUNTY[f.outOfCounty]}）` };
  if (f.employeeInsured) return EMPLOYEE_INSURED;
  return null;
}

/**
 * What the year's policy itself leaves out, for the lists of who is still to enroll: the
 * residences it covers and the categories it sends elsewhere (酉阳's 1-6级残疾军人 to 职工医保),
 * as certified on a day. Null without a policy for the year: then only outOfScope's rule applies.
 */
export type ListScope = { residences: readonly string[]; outOfScope: readonly string[]; on: string } | null;

export const listScope = (policy: Policy | undefined, on: string): ListScope =>
  policy ? { residences: policy.scope.residences, outOfScope: Object.keys(policy.outOfScopeFacts ?? {}), on } : null;
