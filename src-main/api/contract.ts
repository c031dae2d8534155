// The one contract between the renderer and the main process. Types only: the renderer
// imports this file and nothing else from src-main, so it must stay free of runtime code.

export type { ErrorCode } from '../types/errors';
import type { ErrorCode } from '../types/errors';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, written for the clerk. */
  message: string;
  /** The input field the message is about, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

import type { PersonCategory, Tier, Department, OutOfCounty } from '../domain/codes';
import type { SubsidyTable } from '../domain/policy/table';
import type { PolicyChange } from '../domain/policy/compare';
import type { Form, FormCell, FormKind, FormRow } from '../domain/forms/form';
import type { CountyTable, Office, OfficeInput, SessionUser, Village } from '../types/office';
import type { IdCheck, CertifiedCategory, Household, Person, PersonDetail, PersonInput, PersonPatch, PersonStatus, VillageBook } from '../types/roster';
import type { HistoryYear, KnownWayView, MarkPreview, YearRecord } from '../types/history';
import type { EndingCategory, NewSeason } from '../types/season';
import type { DeskFacts, DeskQuote, EnrollInput, Enrollment, PolicySummary, Refund } from '../types/enroll';
import type {
  ExportKind,
  ImportBatch,
  ImportColumns,
  ImportKind,
  ImportOptions,
  ImportPreview,
  PaymentCandidate,
  PendingPayment,
  ProblemReport,
  SettledPayment,
} from '../types/imports';
import type { FieldKey } from '../domain/import/fields';
import type { LanStatus, Seat, SeenMainPc } from '../types/lan';
import type { HouseholdNotice, NoticeJob, PublicList, RefundSlip, VillageNotice } from '../types/print';
import type {
  Dashboard,
  BackupFile,
  DepartmentSubsidy,
  Fujian5Row,
  LedgerStatus,
  PaymentDay,
  PersonMatches,
  PersonSummary,
  VillageProgress,
} from '../types/reports';

export type * from '../types/office';
export type * from '../types/roster';
export type * from '../types/enroll';
export type * from '../types/reports';
export type * from '../types/imports';
export type * from '../types/print';
export type * from '../types/lan';
export type { Form, FormCell, FormRow, FormKind };
export type { SubsidyTable, PolicyChange };
export type { HistoryYear, KnownWayView, MarkPreview, YearRecord, EndingCategory, NewSeason };
export type { PersonCategory, Residence, StudentKind, OutOfCounty } from '../domain/codes';
export type { HistoryEntry } from '../domain/history';

type Empty = Record<string, never>;

export type LastYear = 'insured' | 'not_insured' | 'unknown';

/** Everything printed on a 参保缴费凭证, formatted by the main process. */
export interface Receipt {
  officeTitle: string;
  receiptNo: string;
  status: 'active' | 'voided';
  voidReason: string | null;
  personName: string;
  /** Masked (500235********0117) unless the office asked for the full number. */
  idNumber: string;
  villageName: string;
  coverageYear: number;
  tierLabel: string;
  feeYuan: string;
  subsidyYuan: string;
  subsidyLabel: string;
  departmentLabel: string;
  personalYuan: string;
  personalCapitals: string;
  paidOn: string;
  channel: string;
  benefitStart: string;
  benefitEnd: string;
  clerk: string;
}

/** The Chinese label of every code (docs/glossary.md), for the screens. */
export interface Glossary {
  categories: Record<string, string>;
  departments: Record<string, string>;
  /** The newest policy's subsidy categories, each with the department that certifies it (null: none named). */
  certifiedBy: Record<string, Department | null>;
  residences: Record<string, string>;
  students: Record<string, string>;
  outOfScope: Record<string, string>;
  outOfCounty: Record<string, string>;
  statuses: Record<string, string>;
  /** The fields an import maps columns to (FieldKey → label). */
  importFields: Record<string, string>;
  /** The title of each export (ExportKind → title). */
  exports: Record<string, string>;
  /** The accepted answers to 未参保原因, in the worklist dropdown's order. */
  notEnrolledAnswers: readonly string[];
}

export interface Api {
  'office.get': { input: Empty; output: Office };
  'office.update': { input: OfficeInput; output: Office };
  /** The tables the county edits (categories.yaml, headers.yaml), checked now: each fault with its file and line. */
  'office.tables': { input: Empty; output: CountyTable[] };
  'villages.list': { input: { includeRetired?: boolean }; output: Village[] };
  'villages.add': { input: { code: string; name: string }; output: Village };
  'villages.rename': { input: { id: number; name: string }; output: Village };
  'villages.retire': { input: { id: number }; output: Village };
  'villages.restore': { input: { id: number }; output: Village };

  /** `seat`: the name this PC is paired as, when the page is the main PC's served over the LAN. */
  'session.get': { input: Empty; output: { user: SessionUser | null; loginRequired: boolean; readOnly: string | null; seat: string | null } };
  'session.login': { input: { username: string; password: string }; output: SessionUser };
  'session.logout': { input: Empty; output: null };
  /** 设置 → 多台电脑, at the main PC only (issue 30). */
  'lan.status': { input: Empty; output: LanStatus };
  'lan.enable': { input: { interface: string }; output: null };
  'lan.disable': { input: Empty; output: null };
  'lan.showCode': { input: Empty; output: { code: string; until: string } };
  /** The certificate for a browser seat to install, written to the exports folder, and its SHA-1 thumbprint as Windows shows it. */
  'lan.exportCertificate': { input: Empty; output: { file: string; thumbprint: string } };
  'lan.renameSeat': { input: { id: number; name: string }; output: Seat };
  'lan.revokeSeat': { input: { id: number }; output: Seat };
  /** Called by the LAN's /pair only, which moves the token into the seat's cookie. */
  'lan.pair': { input: { code: string; name: string }; output: { seat: Seat; token: string } };
  /** At a seat's PC: the certificate the main PC at `address` presents, for the clerk to compare. */
  'lan.peek': { input: { address: string }; output: SeenMainPc };
  'users.list': { input: Empty; output: (SessionUser & { disabled: boolean })[] };
  'users.create': {
    input: { username: string; displayName: string; role: 'admin' | 'clerk'; password: string };
    output: SessionUser & { disabled: boolean };
  };
  'users.setPassword': { input: { id: number; password: string; current?: string }; output: SessionUser & { disabled: boolean } };
  'users.setDisabled': { input: { id: number; disabled: boolean }; output: SessionUser & { disabled: boolean } };

  'roster.addHousehold': { input: { villageId: number; number: string; address?: string }; output: Household };
  'roster.updateHousehold': { input: { id: number; address?: string; headPersonId?: number | null }; output: Household };
  'roster.listHouseholds': { input: { villageId: number }; output: Household[] };
  'roster.getHousehold': { input: { id: number }; output: { household: Household; members: Person[] } };
  'roster.checkId': { input: { idNumber: string }; output: IdCheck };
  'roster.addPerson': { input: PersonInput; output: Person };
  'roster.updatePerson': { input: PersonPatch; output: Person };
  'roster.movePerson': {
    input: { id: number; householdId?: number; newHousehold?: { villageId: number; number: string }; relation?: string; seen?: number };
    output: Person;
  };
  'roster.setStatus': { input: { id: number; status: PersonStatus; on?: string; seen?: number }; output: Person };
  'roster.setInsurance': {
    /** coverageYear: the year the fact is true of (the working year when not given). */
    input: { id: number; employeeInsured?: boolean; outOfCounty?: OutOfCounty | null; place?: string; coverageYear?: number; seen?: number };
    output: Person;
  };
  'roster.getPerson': { input: { id: number }; output: PersonDetail };
  /** A village's households in household-number order, each with its members, head first. */
  'roster.villageBook': { input: { villageId: number; coverageYear?: number }; output: VillageBook };
  'roster.search': { input: { q: string; limit?: number }; output: PersonSummary[] };
  /** The first `limit` matches (20 unless asked) and how many match in all, so a screen can say its list was cut. */
  'roster.find': { input: { q: string; limit?: number }; output: PersonMatches };

  'categories.certify': {
    input: { personId: number; code: PersonCategory; validFrom: string; validTo?: string | null; source: string; department?: Department; seen?: number };
    /** `unchanged`: the person already held it over those dates (another window, a list): nothing was added. */
    output: CertifiedCategory & { unchanged?: true };
  };
  'categories.end': { input: { id: number; validTo: string; seen?: number }; output: CertifiedCategory };
  /** Hand-entered categories checked against the department (工作台 手工认定待核对). */
  'categories.check': { input: { ids: number[]; on: string }; output: { checked: number } };

  'glossary.get': { input: Empty; output: Glossary };
  'policies.list': { input: Empty; output: PolicySummary[] };
  /** A policy file (.yaml) checked against all the others, then kept and in force. */
  'policies.import': { input: { file: string; name?: string }; output: PolicySummary };
  'policies.table': { input: { policyId: string }; output: SubsidyTable };
  /** What changed from one notice to another, line by line, each with both citations. */
  'policies.compare': { input: { before: string; after: string }; output: PolicyChange[] };
  /**
   * openWindow: the payment window of the year open today (id 'centralized' for 集中参保期), or null;
   * working: the one year screens open on (domain/working-year.ts).
   */
  'office.policies': {
    input: Empty;
    output: {
      coverageYear: number;
      policyId: string;
      openWindow: { id: string; label: string; to: string } | null;
      working: boolean;
      tiers: Tier[];
      /** The desk's ways of paying under the year's policy, 零申报 last; zeroChannel names it. */
      channels: string[];
      zeroChannel: string;
    }[];
  };
  'office.setPolicy': { input: { coverageYear: number; policyId: string }; output: { coverageYear: number; policyId: string } };
  'history.years': { input: Empty; output: HistoryYear[] };
  'history.previewMark': { input: { year: number }; output: MarkPreview };
  'history.markYear': { input: { year: number; turns: number }; output: HistoryYear[] };
  'history.withdraw': { input: { id: number }; output: HistoryYear[] };
  'season.newYear': { input: { year: number; on?: string }; output: NewSeason };
  'season.endingCategories': { input: { year: number }; output: EndingCategory[] };
  'targets.set': { input: { coverageYear: number; villageId: number; target: number }; output: { villageId: number; target: number } };
  /** Last season's tasks for the villages that have none yet this season; kept: villages that already had one. */
  'targets.copy': { input: { from: number; to: number }; output: { villages: number; total: number; kept: number } };
  /** 附件2 (村, 任务数) from a sheet: every row or none. */
  'targets.import': {
    input: { coverageYear: number; file: string; mapping?: { village: number; target: number }; headerRow?: number };
    output: { villages: number; total: number };
  };
  /** Takes (or retakes) this week's snapshot; the first start of each week takes one by itself. */
  'targets.snapshot': { input: { coverageYear: number }; output: { villages: number } };

  /** channel: what the enrollment would be recorded under (a person who pays nothing: 零申报). */
  'enroll.quote': { input: Omit<EnrollInput, 'channel' | 'seen'> & { channel?: string }; output: DeskQuote };
  'enroll.person': { input: EnrollInput; output: Enrollment };
  'enroll.household': {
    input: DeskFacts & {
      householdId: number;
      coverageYear: number;
      tier?: Tier;
      paidOn: string;
      channel: string;
      tiers?: { personId: number; tier: Tier }[];
      /** The members as the screen showed them (Person.version): one added, gone or changed since refuses. */
      seen?: { personId: number; version: number }[];
    };
    output: { enrolled: Enrollment[]; skipped: { personId: number; name: string; reason: string }[] };
  };
  'enroll.void': { input: { id: number; reason: string; seen?: number }; output: Enrollment };
  'enroll.refund': { input: { id: number; seen?: number }; output: Refund };
  'enroll.markDeclared': { input: { ids: number[]; on: string }; output: { declared: number } };
  'enroll.get': { input: { id: number }; output: Enrollment };
  'enroll.receipt': { input: { id: number; fullId?: boolean }; output: Receipt };
  /** A day's receipts (paidOn) or an import batch's (batchId): one of the two. */
  'enroll.receiptsOn': { input: { paidOn?: string; batchId?: number; fullId?: boolean }; output: Receipt[] };

  'reports.notEnrolled': {
    /** paper: the IDs as printed papers carry them (the office's setting; masked by default). */
    /** lastYear: only those insured last year (去年参保、今年未参保), or only those who were not. */
    input: { coverageYear: number; villageId?: number; limit?: number; offset?: number; paper?: boolean; lastYear?: LastYear };
    output: { total: number; rows: PersonSummary[] };
  };
  'reports.subsidizedNotDeclared': {
    input: { coverageYear: number };
    output: { notEnrolled: (PersonSummary & { categories: PersonCategory[] })[]; zeroNotDeclared: Enrollment[] };
  };
  'reports.dashboard': { input: { coverageYear: number; on: string }; output: Dashboard };
  'reports.handCertified': { input: { on: string }; output: (PersonSummary & { categoryId: number; code: PersonCategory; source: string })[] };
  'reports.progress': { input: { coverageYear: number }; output: VillageProgress[] };
  'reports.subsidyLedger': { input: { coverageYear: number }; output: { departments: DepartmentSubsidy[]; rows: Enrollment[] } };
  'reports.payments': { input: { coverageYear: number }; output: PaymentDay[] };
  'reports.fujian5': { input: { coverageYear: number }; output: Fujian5Row[] };

  'import.preview': {
    input: {
      kind: ImportKind;
      file: string;
      mapping?: Partial<Record<FieldKey, number>>;
      /** The file row (1-based) that holds the header, when the clerk points at it. */
      headerRow?: number;
      options?: ImportOptions;
      jobId?: string;
    };
    output: ImportPreview;
  };
  /** The file's first rows with the program's guess of the header and columns, before any dry run. */
  'import.columns': { input: { kind: ImportKind | 'targets'; file: string; headerRow?: number }; output: ImportColumns };
  'payments.pending': { input: { coverageYear: number }; output: PendingPayment[] };
  'payments.settled': { input: { coverageYear: number }; output: SettledPayment[] };
  'payments.candidates': { input: { id: number }; output: PaymentCandidate[] };
  /** Records the payment against the chosen person and tier; a difference from the quote needs a reason. */
  'payments.resolve': { input: { id: number; personId: number; tier: Tier; differenceReason?: string; seen?: number }; output: Enrollment };
  'payments.dismiss': { input: { id: number; reason: string }; output: { dismissed: number } };
  'import.report': { input: { token: string }; output: ProblemReport };
  /** `note`: the import landed, and something went wrong after it (a full disk at the checkpoint). */
  'import.commit': { input: { token: string; jobId?: string; fullList?: number[] }; output: ImportBatch & { note?: string } };
  'import.batches': { input: Empty; output: ImportBatch[] };
  'import.undo': { input: { batchId: number; keepLater?: boolean }; output: ImportBatch & { keptLater: string[] } };

  /** 批量参保登记表 for the 医保 platform: a village's persons it does not know yet, each remembered as exported. */
  'export.registration': { input: { villageId: number }; output: { file: string; rows: number; again: number } };
  'villages.setUnitCode': { input: { id: number; unitCode: string }; output: Village };

  'export.write': {
    input: { kind: ExportKind; coverageYear: number; villageId?: number };
    output: { file: string; rows: number };
  };

  'jobs.get': { input: { jobId: string }; output: { phase: string; done: number; total: number; cancelled: boolean; finished: boolean } };
  'jobs.cancel': { input: { jobId: string }; output: { cancelled: boolean } };

  'print.householdNotice': {
    input: {
      householdId: number;
      coverageYear: number;
      fullId?: boolean;
      /** The desk's date (default today): amounts and window as of that day. */ on?: string;
    };
    output: HouseholdNotice;
  };
  'print.householdNotices': {
    input: { coverageYear: number; villageId?: number; offset: number; limit: number; on?: string; owing?: boolean };
    /** total: households in the batch; skipped: of this page's, those left out as owing nothing. */
    output: { total: number; notices: HouseholdNotice[]; skipped: number };
  };
  'print.noticeJobs': { input: { villageId?: number }; output: NoticeJob[] };
  'print.refundSlip': { input: { refundId: number; fullId?: boolean }; output: RefundSlip };
  'print.publicList': { input: { coverageYear: number; villageId?: number; on?: string }; output: PublicList };
  'print.form': { input: { kind: FormKind; coverageYear: number; villageId?: number }; output: Form };
  'print.villageNotice': { input: { coverageYear: number }; output: VillageNotice };

  'backup.status': { input: Empty; output: LedgerStatus };
  'backup.list': { input: Empty; output: BackupFile[] };
  'backup.create': { input: Empty; output: BackupFile };
  'backup.copyTo': { input: { folder: string }; output: BackupFile };
  'backup.restore': { input: { file: string }; output: LedgerStatus };
}

export type ApiName = keyof Api;
export type ApiInput<K extends ApiName> = Api[K]['input'];
export type ApiOutput<K extends ApiName> = Api[K]['output'];
