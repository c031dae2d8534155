import type { FieldKey } from '../../domain/import/fields';

export type ImportKind = 'roster';

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
  counts: { add: number; update: number; unchanged: number; problems: number };
  /** The first problems, row by row; the report file has them all. */
  problems: ImportProblem[];
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
