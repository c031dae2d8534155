// What the main thread and an import's worker thread say to each other: the tasks, their
// answers and their messages (import-worker.ts does the work, worker-thread.ts runs the thread).
import type { HeaderWords, Mapping } from '../domain/import/fields';
import type { RowProblem } from '../excel/importing';
import type { LedgerMark } from '../ledger/changes-since';
import type { FileRead, ImportProblem } from '../types/imports';
import type { RosterRead } from './roster-read';
import type { StagedCounts } from '../ledger/staging';

export interface ImportWorkerSpec {
  /** A .js file to run as the worker, or a .ts one (only where tsx is installed). */
  script: string;
  nativeBinding?: string | undefined;
  /** The thread's heap limit (default Node's own); tests set a small one to see a thread run out. */
  maxHeapMb?: number | undefined;
}

export interface PreviewTask {
  op: 'preview';
  dataDir: string;
  staging: string;
  file: string;
  /** The county's header words, checked on the main thread: the thread never reads the table itself. */
  words: HeaderWords;
  mapping?: Mapping | undefined;
  headerRow?: number | undefined;
  today: string;
  /** The year a 是否在籍 = 否 row's not-enrolled reason is for. */
  reasonYear: number;
}

export interface CommitTask {
  op: 'commit';
  dataDir: string;
  staging: string;
  at: string;
  actor: string;
  fileName: string;
  fileHash: string;
  rows: number;
  signature: string;
  mapping: Mapping;
  /** The dry run's counts. */
  counts: StagedCounts;
  reasonYear: number;
  /** The ledger as the dry run began to read it: a person changed since refuses the commit. */
  since: LedgerMark;
}

/** The reading half of a preview, in a thread of its own. */
export interface ReadTask {
  op: 'read';
  dataDir: string;
  file: string;
  words: HeaderWords;
  mapping?: Mapping | undefined;
  headerRow?: number | undefined;
  today: string;
  /** [batches sent, batches written]: the reader waits when too far ahead. */
  counter: SharedArrayBuffer;
}

export type ImportTask = (PreviewTask | CommitTask | ReadTask) & {
  nativeBinding?: string | undefined;
  /** Set when the task itself runs in a worker, so a preview can start its reading thread. */
  worker?: ImportWorkerSpec | undefined;
};

/** The file as read (as every kind keeps it), with the roster's counts and its first problems and changes. */
export interface PreviewResult extends FileRead {
  counts: StagedCounts;
  problems: ImportProblem[];
  /** The first persons the roster changes, and how. */
  changes: { row: number; name: string; idNumber: string; what: string[] }[];
}

export interface CommitResult {
  batchId: number;
  /** What went wrong after the import had landed (the checkpoint on a full disk): said, not taken for failure. */
  afterwards?: string;
}

export type TaskMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'rows'; rows: unknown[]; problems: RowProblem[] }
  | { type: 'result'; value: PreviewResult | CommitResult | RosterRead }
  | { type: 'error'; kind: TaskFailure; message: string };

/** Why a task ended without its value: the file, the clerk, a ledger changed since, or us. */
export type TaskFailure = 'read' | 'cancelled' | 'stale' | 'disk' | 'memory' | 'internal';
