// A resolved policy turned into what a quote reads a million times: amounts in fen per
// tier, windows sorted, and each rule's basis built once and shared (and frozen).
import { DEPARTMENTS, PERSON_CATEGORIES, SUBSIDY_CATEGORIES, type Department, type PersonCategory, type SubsidyCategory, type Tier } from '../codes';
import type { BenefitRule, Policy, PolicyExemption } from './schema';
import { amountFen } from './validate';

export interface Basis {
  citation: string;
  text: string;
  /** True where the product's reading fills a gap (docs/rules.md), not the notice's own words. */
  ruling: boolean;
  note?: string;
}

export interface CompiledCategory {
  code: SubsidyCategory;
  label: string;
  department: Department;
  departmentLabel: string;
  fullTier2: boolean;
  /** Subsidy per tier in fen; for fullTier2 the tier-2 fee. */
  amountFen: Partial<Record<Tier, number>>;
  excludedBy: readonly string[];
  heldBy: readonly string[];
  basis: Basis;
}

export interface CompiledWindow {
  id: string;
  label: string;
  from: string | null;
  to: string;
  plusFiscal: boolean;
  noSubsidy: boolean;
  benefit: BenefitRule;
  warning?: string;
  basis: Basis;
}

export type CompiledExemption = PolicyExemption & { id: string; basisEntry: Basis };

export interface CompiledPolicy {
  policy: Policy;
  id: string;
  coverageYear: number;
  coverageStart: string;
  coverageEnd: string;
  tiers: Tier[];
  tierFeeFen: Partial<Record<Tier, number>>;
  tierBasis: Partial<Record<Tier, Basis>>;
  collegeFeeFen: Partial<Record<Tier, number>> | null;
  collegeFundedBy: Department | null;
  collegeBasis: Basis | null;
  fiscalFen: number;
  fiscalBasis: Basis | null;
  residences: ReadonlySet<string>;
  scopeBasis: Basis;
  windows: CompiledWindow[];
  categories: ReadonlyMap<string, CompiledCategory>;
  categoryOrder: readonly SubsidyCategory[];
  outOfScope: ReadonlyMap<string, { reason: string; basis: Basis }>;
  exemptions: CompiledExemption[];
  newborn: { withinDays: number; followsGuardian: boolean; basis: Basis } | null;
  lapse: { baseMonths: number; extraMonthsPerYear: number; warning?: string; basis: Basis } | null;
  highestBasis: Basis;
  zeroBasis: Basis | null;
}

export function basisOf(r: { cite: string; text: string; ruling?: string | undefined }): Basis {
  return Object.freeze(r.ruling ? { citation: r.cite, text: r.text, ruling: true, note: r.ruling } : { citation: r.cite, text: r.text, ruling: false });
}

export function departmentLabel(p: Policy, d: Department): string {
  return p.departments?.[d]?.label ?? DEPARTMENTS[d];
}

/** A category as the policy's notice names it, else as the glossary does. */
export function categoryLabel(p: Policy | undefined, code: string): string {
  return p?.categories[code as SubsidyCategory]?.label ?? PERSON_CATEGORIES[code as PersonCategory] ?? code;
}

/** The payment window open on a day (its first and last days count). */
export function windowOn(c: CompiledPolicy, on: string): CompiledWindow | undefined {
  return c.windows.find((w) => w.from !== null && w.from <= on && on <= w.to);
}

/** The first payment window that opens after a day. */
export function windowAfter(c: CompiledPolicy, on: string): CompiledWindow | undefined {
  return c.windows.find((w) => w.from !== null && w.from > on);
}

const TIERS: Tier[] = [1, 2];

function compileUncached(p: Policy): CompiledPolicy {
  // Where a county or township notice is silent and the city's rule applies as another
  // township's notice restates it, the city's document is cited and the restating one named
  // only as where its words come from (docs/rules.md "Restated rules and citations").
  const cite = (r: { cite: string; text: string; ruling?: string | undefined }): Basis => {
    const b = basisOf(r);
    const via = p.restatedRule;
    if (!via || !b.citation.startsWith(via.restatedIn) || p.sources[0]?.number === via.restatedIn) return b;
    return Object.freeze({ ...b, citation: `${via.rule}（文字引自${b.citation}）` });
  };
  const tiers = TIERS.filter((t) => p.tiers[String(t) as '1' | '2']);
  const tierFeeFen: Partial<Record<Tier, number>> = {};
  const tierBasis: Partial<Record<Tier, Basis>> = {};
  for (const t of tiers) {
    const def = p.tiers[String(t) as '1' | '2']!;
    tierFeeFen[t] = def.feeFen;
    tierBasis[t] = cite(def);
  }
  let collegeFeeFen: Partial<Record<Tier, number>> | null = null;
  if (p.college?.fees) {
    collegeFeeFen = {};
    for (const t of tiers) {
      const f = p.college.fees[String(t) as '1' | '2'];
      if (f) collegeFeeFen[t] = f.feeFen;
    }
  }

  const categories = new Map<string, CompiledCategory>();
  for (const [code, c] of Object.entries(p.categories)) {
    if (!c) continue;
    const amounts: Partial<Record<Tier, number>> = {};
    for (const t of tiers) {
      if (c.fullTier2) amounts[t] = t === 2 ? tierFeeFen[2]! : 0;
      else amounts[t] = amountFen(p, c.amounts![String(t) as '1' | '2']!);
    }
    const cat = code as SubsidyCategory;
    categories.set(code, {
      code: cat,
      label: c.label ?? SUBSIDY_CATEGORIES[cat],
      department: c.department as Department,
      departmentLabel: departmentLabel(p, c.department as Department),
      fullTier2: c.fullTier2 ?? false,
      amountFen: amounts,
      excludedBy: c.excludedBy ?? [],
      heldBy: c.heldBy ?? [],
      basis: cite(c),
    });
  }

  const windows = Object.entries(p.windows)
    .map(([id, w]) => ({
      id,
      label: w.label,
      from: w.from,
      to: w.to,
      plusFiscal: w.fee === 'standard_plus_fiscal',
      noSubsidy: w.noSubsidy ?? false,
      benefit: w.benefit,
      ...(w.warning ? { warning: w.warning } : {}),
      basis: cite(w),
    }))
    .sort((a, b) => (a.to < b.to ? -1 : 1));

  const outOfScope = new Map<string, { reason: string; basis: Basis }>();
  for (const [code, o] of Object.entries(p.outOfScopeFacts ?? {})) {
    if (o) outOfScope.set(code, { reason: o.reason, basis: cite(o) });
  }

  return {
    policy: p,
    id: p.id,
    coverageYear: p.coverageYear,
    coverageStart: `${p.coverageYear}-01-01`,
    coverageEnd: `${p.coverageYear}-12-31`,
    tiers,
    tierFeeFen,
    tierBasis,
    collegeFeeFen,
    collegeFundedBy: (p.college?.fundedBy as Department | undefined) ?? null,
    collegeBasis: p.college ? cite(p.college) : null,
    fiscalFen: p.fiscalSubsidy?.fen ?? 0,
    fiscalBasis: p.fiscalSubsidy ? cite(p.fiscalSubsidy) : null,
    residences: new Set(p.scope.residences),
    scopeBasis: cite(p.scope),
    windows,
    categories,
    categoryOrder: [...categories.keys()] as SubsidyCategory[],
    outOfScope,
    exemptions: Object.entries(p.waitingExemptions ?? {}).map(([id, e]) => ({ ...e, id, basisEntry: cite(e) })),
    newborn: p.newborn ? { withinDays: p.newborn.withinDays, followsGuardian: p.newborn.followsInsuredGuardian ?? false, basis: cite(p.newborn) } : null,
    lapse: p.lapse
      ? {
          baseMonths: p.lapse.baseMonths,
          extraMonthsPerYear: p.lapse.extraMonthsPerYear,
          ...(p.lapse.warning ? { warning: p.lapse.warning } : {}),
          basis: cite(p.lapse),
        }
      : null,
    highestBasis: cite(p.highestOnly),
    zeroBasis: p.zeroDeclaration ? cite(p.zeroDeclaration) : null,
  };
}

const cache = new WeakMap<Policy, CompiledPolicy>();

/** Memoised per policy object, so callers can pass the policy itself to every quote. */
export function compilePolicy(p: Policy): CompiledPolicy {
  let c = cache.get(p);
  if (!c) {
    c = compileUncached(p);
    cache.set(p, c);
  }
  return c;
}
