// What every reader shares: the refusal a clerk can act on, the row sink and the options. Kept
// apart from table.ts, which picks the reader, so the readers need not import their chooser.

export class TableReadError extends Error {}

/** One row: cell texts by column (missing cells are ''), and the row number in the file. */
export type RowSink = (cells: string[], rowNumber: number) => void;

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Awaited between chunks so long reads do not block the event loop. */
  yieldEvery?: () => Promise<void>;
}
