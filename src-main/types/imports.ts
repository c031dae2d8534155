import type { FlagValue } from '../domain/import/platform-payment';
export type { FlagValue };
import type { FileYear } from '../domain/import/file-years';
import type { FieldKey, Mapping } from '../domain/import/fields';

import type { Department, IMPORT_KIND_CODES, PersonCategory } from '../domain/codes';
import type { PersonSummary } from './reports';

export type ImportKind = (typeof IMPORT_KIND_CODES)[number];

export interface ImportOptions {
  /** categories: the list's category when the file has no category column. */
  code?: PersonCategory;
  /** categories: the certifying department (required). */
  department?: Department;
  /** categories: certified from (default today). */
  validFrom?: string;
  /** categories: the list's name, kept as the source of each certification (default the file name). */
  source?: string;
  /** categories: end the category for those on the previous list but not on this one. */
  endLost?: boolean;
  /** payments: the coverage year when the file has no year column. */
  coverageYear?: number;
  /** payments: the day paid when the file has no date column (税务's 请款明细). */
  paidOn?: string;
}

export interface ImportProblem {
  row: number;
  field: FieldKey | null;
  message: string;
}

/** The problem report of a dry run, written under reports/ (bounded: see imports/report.ts). */
export interface ProblemReport {
  file: string;
  rows: number;
  /** Problem rows not listed because of the report's row limit. */
  omittedRows: number;
  /** Columns of the file not copied because of the report's column limit. */
  omittedColumns: number;
}

/**
 * What a dry run found, by import kind, each count under one word: add/update (persons),
 * certify (certifications), record/pending (payments), apply (situations), unchanged, lost
 * (on the department's previous list, not on this one), problems (rows not imported).
 */
export interface PreviewCounts {
  /** leaving: 是否在籍 = 否 rows, given the not-enrolled reason 户口迁出 (or 已注销户口) for the year. */
  roster: { add: number; update: number; unchanged: number; leaving: number; problems: number };
  /** redate: certifications held from a later day that this list dates earlier. */
  categories: { certify: number; redate: number; unchanged: number; lost: number; problems: number };
  /** reverse: payments a reversal voids; insured: persons the file shows in 职工医保 (医保's 居民缴费明细 only). */
  payments: { record: number; pending: number; unchanged: number; problems: number; reverse?: number; insured?: number };
  situations: { apply: number; unchanged: number; problems: number };
  /** apply: persons whose 职工医保 / 县外参保 facts change; history: year-and-scheme records written. */
  insurance: { apply: number; history: number; unchanged: number; problems: number };
}

/**
 * What a committed batch wrote, in the dry run's words for the same things, plus rows (the
 * file's), households (roster: new households) and ended (categories: the lost ones ended).
 * Batches of older versions may lack a count they did not keep.
 */
export interface BatchCounts {
  roster: { rows: number; add: number; update: number; households: number; unchanged: number; leaving?: number; problems: number };
  categories: { rows: number; certify: number; redate?: number; ended: number; unchanged: number; problems: number };
  payments: { rows: number; record: number; pending: number; unchanged?: number; problems: number; reverse?: number; insured?: number };
  situations: { rows: number; apply: number; unchanged: number; problems: number };
  insurance: { rows: number; apply: number; history: number; unchanged: number; problems: number };
}

/** An import's kind with its counts: `counts` narrows with `kind`. */
export type KindCounts<C extends Record<ImportKind, object>> = { [K in ImportKind]: { kind: K; counts: C[K] } }[ImportKind];

/**
 * Which column mapping a dry run (or the column picker's first guess) used. A layout saved when
 * a file with this header row was last committed is a suggestion: it is used only where it
 * agrees with the header words for every field those words name, else set aside and why said.
 */
export interface LayoutUse {
  /** header: by the header words; remembered: the layout saved for this header row; clerk: as the clerk chose. */
  mappingSource: 'header' | 'remembered' | 'clerk';
  /** 按表头文字 / 按上次保存的列对应（2026-11-02） / 按您选的列对应, and why a saved layout was set aside. */
  mappingNote: string;
  /** Where the saved layout and the header words disagree (it was then not used), field by field. */
  layoutDisagreements: LayoutDisagreement[];
}

export interface LayoutDisagreement {
  field: FieldKey;
  /** The column (0-based) the saved layout put the field in. */
  saved: number;
  /** The column the header words name for it, or null when they name it nowhere (but call the saved column something else). */
  header: number | null;
  /** “姓名”：上次保存的是 D 列“与户主关系”，表头文字说是 C 列“姓名” */
  message: string;
}

export type ImportPreview = KindCounts<PreviewCounts> &
  LayoutUse & {
    token: string;
    fileName: string;
    headers: string[];
    mapping: Partial<Record<FieldKey, number>>;
    /** The file row the header was read from (0: none), for the column picker to start from. */
    headerRow: number;
    rows: number;
    /** The first problems, row by row; the report file has them all. */
    problems: ImportProblem[];
    /** categories: who was on the department's previous list and is not on this one. */
    lost: { name: string; idNumber: string; code: PersonCategory }[];
    /** categories: why those not on the list are not ended this time (a row could not be read). */
    lostHeld?: string;
    /** payments: rows that go to the 待核实 list, with the reason. */
    pending: ImportProblem[];
    /** payments: rows already recorded or waiting from an earlier batch (counted as unchanged). */
    already: ImportProblem[];
    /** roster and insurance: each person whose facts or history change, and how (the first 500). */
    changes: { row: number; name: string; idNumber: string; what: string[] }[];
    /** Whether committing would write anything: a batch with nothing to write cannot be committed. */
    writable: boolean;
    /** payments and 医保 lists: the coverage years the file touches, and which may be confirmed as the township's full list. */
    years: FileYear[];
    /** payments from the 医保 platform: each value of its 核销标志, 缴费标志 and 险种类型, with its rows and how it was read. */
    flags?: FlagValue[];
  };

export interface PendingPayment {
  id: number;
  batchId: number;
  row: number;
  idNumber: string;
  name: string;
  paidOn: string;
  /** What the person paid; null where the file gave only the department's part (代缴明细). */
  amountFen: number | null;
  /** 代缴金额: what the department paid, when the file said. */
  subsidyFen: number | null;
  /** 代缴类别 as the file wrote it, or ''. */
  categoryLabel: string;
  tier: 1 | 2 | null;
  channel: string;
  coverageYear: number;
  reason: string;
  /** A reversal (核销/冲红) of a payment the ledger does not hold: what it names. Never recorded as a payment. */
  reverses: string | null;
}

/** A pending payment the clerk settled: recorded as an enrollment, or dismissed with a reason. */
export interface SettledPayment extends PendingPayment {
  resolution: 'recorded' | 'dismissed';
  resolvedAt: string;
  resolvedBy: string;
  note: string | null;
  receiptNo: string | null;
  recordedFor: string | null;
}

/** Who a pending payment may belong to, why the ledger thinks so, and what the policy asks of them. */
export interface PaymentCandidate {
  person: PersonSummary;
  /** Person.version: recording the payment on this person states what was shown. */
  version: number;
  why: string;
  enrolledReceipt: string | null;
  refusal: string | null;
  quotes: {
    tier: 1 | 2;
    eligible: boolean;
    reason: string | null;
    personalFen: number;
    subsidyFen: number;
    subsidyLabel: string;
    /** Where the file and this quote disagree (recording it then needs a reason), or null. */
    difference: string | null;
  }[];
}

export type ImportBatch = KindCounts<BatchCounts> & {
  id: number;
  fileName: string;
  fileHash: string;
  actor: string;
  at: string;
  undoneAt: string | null;
};

export type ExportKind =
  | 'fujian1'
  | 'fujian2'
  | 'fujian3'
  | 'fujian4'
  | 'fujian5'
  | 'notEnrolled'
  | 'insuredLastYearNotEnrolled'
  | 'notInsuredLastYear'
  | 'unknownLastYear'
  | 'endingCategories'
  | 'zeroDeclarations'
  | 'subsidyLedger'
  | 'payments'
  | 'taxSubsidized'
  | 'taxZeroDeclarations';

/** What the clerk sees to point at the header and map the columns of a file the program did not read by itself. */
export interface ImportColumns extends LayoutUse {
  /** The first non-empty rows, with their row numbers in the file. */
  rows: { row: number; cells: string[] }[];
  /** The row the program takes for the header, or null when it recognised none. */
  headerRow: number | null;
  /** The columns each field is read from, as guessed (or as remembered for this layout, where it agrees with the header words). */
  mapping: Partial<Record<FieldKey, number>>;
  /** The fields this kind of import reads, those it cannot do without first. */
  fields: { key: FieldKey; required: boolean }[];
}

/** A column mapping a clerk confirmed for a file layout. */
export interface SavedLayout {
  mapping: Mapping;
  /** When it was saved (an ISO instant): the note says 上次保存（2026-11-02）. */
  at: string;
}

/** The file as the dry run read it: what the screen shows and the commit records of it. */
export interface FileRead {
  fileName: string;
  fileHash: string;
  headers: string[];
  mapping: Mapping;
  /** The header row's words, under which the mapping is remembered once committed. */
  signature: string;
  headerRow: number;
  layout: LayoutUse;
  rows: number;
}
