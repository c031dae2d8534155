import type { FieldKey } from '../domain/import/fields';

import type { Department, PersonCategory } from '../domain/codes';

export type ImportKind = 'roster' | 'categories' | 'payments' | 'situations';

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
}

export interface ImportProblem {
  row: number;
  field: FieldKey | null;
  message: string;
}

export interface ImportPreview {
  token: string;
  kind: ImportKind;
  fileName: string;
  headers: string[];
  mapping: Partial<Record<FieldKey, number>>;
  rows: number;
  /**
   * roster: add, update, unchanged, problems; categories: certify, unchanged, lost,
   * problems; payments: record, pending, problems; situations: apply, unchanged, problems.
   * A committed batch records the same words for the same things (add: the persons added),
   * and rows, plus households (roster) and ended (categories, the lost ones ended).
   */
  counts: Record<string, number>;
  /** The first problems, row by row; the report file has them all. */
  problems: ImportProblem[];
  /** categories: who was on the department's previous list and is not on this one. */
  lost: { name: string; idNumber: string; code: PersonCategory }[];
  /** payments: rows that go to the 待核实 list, with the reason. */
  pending: ImportProblem[];
  /** Whether committing would write anything: a batch with nothing to write cannot be committed. */
  writable: boolean;
}

export interface PendingPayment {
  id: number;
  batchId: number;
  row: number;
  idNumber: string;
  name: string;
  paidOn: string;
  amountFen: number;
  tier: 1 | 2 | null;
  channel: string;
  coverageYear: number;
  reason: string;
}

export interface ImportBatch {
  id: number;
  kind: string;
  fileName: string;
  fileHash: string;
  actor: string;
  at: string;
  counts: Record<string, number>;
  undoneAt: string | null;
}

export type ExportKind = 'fujian1' | 'fujian2' | 'fujian3' | 'fujian4' | 'fujian5' | 'notEnrolled' | 'zeroDeclarations' | 'subsidyLedger' | 'payments';
