import type { Department, SubsidyCategory, Tier } from '../domain/codes';
import type { Facts } from '../domain/policy/facts';
import type { Quote } from '../domain/policy/quote';
import type { RegionFit } from '../domain/policy/place';

export type { Quote };

/** A quote as the desk shows it: with the channel the enrollment would be recorded under. */
export type DeskQuote = Quote & { channel: string };

/** Facts a clerk may add at the desk; the rest comes from the ledger. */
export type DeskFacts = Pick<Facts, 'lapsedYears' | 'continuousYears' | 'employeeInsuranceEndedOn' | 'dischargedOn' | 'specialEventOn' | 'guardianInsured'>;

export interface EnrollInput extends DeskFacts {
  personId: number;
  coverageYear: number;
  tier?: Tier;
  paidOn: string;
  channel: string;
  /** Person.version as the desk showed it: an enrollment decided on an older reading is refused. */
  seen?: number;
}

export interface Enrollment {
  id: number;
  personId: number;
  personName: string;
  idNumber: string;
  villageName: string;
  coverageYear: number;
  policyId: string;
  tier: Tier | null;
  paidOn: string;
  channel: string;
  feeFen: number;
  subsidyFen: number;
  personalFen: number;
  category: SubsidyCategory | null;
  department: Department | null;
  zeroDeclaration: boolean;
  declaredOn: string | null;
  benefitStart: string;
  benefitEnd: string;
  receiptNo: string;
  status: 'active' | 'voided';
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: string | null;
  createdBy: string;
  createdAt: string;
  quote: Quote;
}

export interface Refund {
  id: number;
  enrollmentId: number;
  amountFen: number;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface PolicySummary {
  /** The file's id: for the administrator's technical details, never shown to a clerk. */
  id: string;
  /** 重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号）: how a clerk reads it. */
  name: string;
  /** Whose notice it is, as against the office's place (设置 → 本所信息). */
  fit: RegionFit;
  region: string;
  coverageYear: number;
  abstract: boolean;
  sources: { number: string; title: string; date: string | null }[];
}
