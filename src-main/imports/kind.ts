// What every import kind is to the import screen: a dry run that reads and checks the file and
// plans the writes, then a commit of that plan, and an undo of a committed batch. One module per
// kind (imports/kinds/) says all of it for its kind; api/imports.ts only looks the kind up.
import type { FileYear } from '../domain/import/file-years';
import type { HeaderWords, Mapping } from '../domain/import/fields';
import type { LedgerMark } from '../ledger/changes-since';
import type { Context } from '../service/context';
import type { JobHandle } from '../service/job-handle';
import type { FileRead, ImportKind, ImportOptions, ImportPreview, ImportProblem, KindCounts, PreviewCounts } from '../types/imports';

/** What a dry run asks of its kind: the uploaded file, how to read it, and the clerk's choices. */
export interface DryRunInput {
  file: string;
  /** The county's header words, checked before the file is read. */
  words: HeaderWords;
  mapping?: Mapping | undefined;
  headerRow?: number | undefined;
  options: ImportOptions;
  /** Names the dry run's own files (a roster's staging file). */
  token: string;
  /** The ledger as the dry run began to read it: what changes after shows at the commit. */
  mark: LedgerMark;
}

/** What the dry run shows the clerk beyond the file itself: counts and the rows behind them. */
export type DryRunFindings = KindCounts<PreviewCounts> & Pick<ImportPreview, 'lost' | 'pending' | 'already' | 'changes' | 'flags' | 'lostHeld'>;

/** A commit that landed, with what went wrong after it (or around it, told by reading back). */
export interface Landed {
  batchId: number;
  note?: string;
}

/** A dry run kept until the clerk commits it: its plan stays inside, only these reach out. */
export interface DryRun {
  readonly kind: ImportKind;
  /** The uploaded copy it read (held until the dry run is dropped). */
  readonly file: string;
  readonly read: FileRead;
  /** Rows not imported, by row, as the dry run found them. */
  readonly problems: ImportProblem[];
  /** Payments and 医保 lists: the coverage years the file touches (empty for the others). */
  readonly years: FileYear[];
  findings(ctx: Context): DryRunFindings;
  /** Whether committing would write anything (a full list confirmed is the caller's to add). */
  writable(): boolean;
  /** Every row the problem report names, with what waits to be checked. */
  reportLines(ctx: Context): { row: number; message: string }[];
  /** Why the ledger has moved under the dry run so that its finding no longer holds; null if it holds. */
  stale(ctx: Context): string | null;
  /** Writes the plan, all of it or nothing; `fullList` are the years the clerk confirms. */
  commit(ctx: Context, job: JobHandle, fullList: readonly number[]): Promise<Landed>;
  /** Lets go of what the dry run keeps besides the upload (a roster's staging file). */
  release(): void;
}

/** One change a batch wrote, as recorded for its undo. */
export interface BatchChange {
  entity: string;
  entityId: number;
  op: 'insert' | 'update';
  before: unknown;
}

export interface ImportKindModule {
  readonly kind: ImportKind;
  /** Whether the clerk may confirm a file of this kind as the township's full list for its years. */
  readonly fullList: boolean;
  dryRun(ctx: Context, input: DryRunInput, job: JobHandle): Promise<DryRun>;
  /**
   * Takes back the changes (those of persons kept as they are now already left out): null when
   * done, else why not in the clerk's words.
   */
  undo(ctx: Context, changes: BatchChange[], batch: { id: number; at: string }, kept: ReadonlySet<number>): string | null;
}
