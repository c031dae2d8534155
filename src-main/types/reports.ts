import type { Department, OutOfCounty } from '../domain/codes';

export interface PersonSummary {
  id: number;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  villageId: number;
  villageName: string;
  householdId: number;
  householdNumber: string;
  status: string;
}

/** The 花名册's search: the first matches, and how many match in all. */
export interface PersonMatches {
  persons: PersonSummary[];
  /** How many persons match; counting stops past 1000 (`totalMore`: more than `total`). */
  total: number;
  totalMore: boolean;
}

export interface VillageProgress {
  villageId: number;
  villageCode: string;
  villageName: string;
  target: number;
  enrolled: number;
  /** enrolled ÷ target in basis points (10000 = 100%); null without a target. */
  rateBp: number | null;
  rank: number | null;
  deduction: number | null;
  interview: boolean;
  /** Enrolled when this week's snapshot was taken, and last week's; null without one. */
  weekStart: number | null;
  lastWeekStart: number | null;
}

export interface DepartmentSubsidy {
  department: Department;
  departmentLabel: string;
  persons: number;
  subsidyFen: number;
}

export interface PaymentDay {
  paidOn: string;
  channel: string;
  count: number;
  personalFen: number;
}

export interface Fujian5Row {
  villageId: number | null;
  villageName: string;
  population: number;
  notInScope: { empty_registration: number; deceased: number; abroad: number; total: number };
  outOfCounty: Record<OutOfCounty, number> & { total: number };
}

export interface LedgerStatus {
  schemaVersion: number;
  audit: { intact: boolean; entries: number; problem: string | null };
  lastBackup: string | null;
  /** Why the ledger is open read-only (too little disk space), or null. */
  readOnly: string | null;
}

export interface BackupFile {
  file: string;
  createdAt: string;
  bytes: number;
  reason: string;
}

/** The 工作台's figures for a year, as of a day. */
export interface Dashboard {
  policyId: string | null;
  /** The payment window open on the day, with the days left counting the day itself. */
  window: { label: string; from: string | null; to: string; daysLeft: number } | null;
  nextWindow: { label: string; from: string; daysUntil: number } | null;
  notEnrolled: number;
  /** Of those not enrolled: insured last year (去年参保、今年未参保), known not insured (去年也未参保), and not known (去年情况不明). */
  insuredLastYearNotEnrolled: number;
  notInsuredLastYear: number;
  unknownLastYear: number;
  subsidizedNotEnrolled: number;
  zeroNotDeclared: number;
  pendingPayments: number;
  handCertified: number;
  /**
   * Last season on the same calendar day: enrolled for last year by then (paid by that day, active
   * now) and its target, against this year's enrolled paid by today. Null when canbao did not run last year.
   */
  lastYearSameDay: { on: string; enrolled: number; target: number; enrolledNow: number } | null;
}
