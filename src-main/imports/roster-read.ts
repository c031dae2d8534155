// Reading a roster file for the import worker. In a worker thread of its own the reading
// (unzipping, scanning the XML, checking each row) runs beside the writing of the staging
// file, on the machine's second core; the rows cross in batches, and the reader waits when
// the writer falls behind so that nothing piles up in memory.
import type { Database } from 'better-sqlite3';
import type { HeaderWords, Mapping } from '../domain/import/fields';
import { parseRosterRow, type RosterRecord } from '../domain/import/rows';
import { readForImport, type ReadResult, type RowProblem } from '../excel/importing';
import { layoutOptions } from '../ledger/import-layouts';

export type RosterRead = Omit<ReadResult<RosterRecord>, 'records' | 'problems'>;

export interface RosterSinks {
  record(r: RosterRecord): void;
  problem(p: RowProblem): void;
}

export interface ReadRequest {
  file: string;
  /** Checked on the main thread before the task began; a Map crosses to a thread as it is. */
  words: HeaderWords;
  mapping?: Mapping | undefined;
  headerRow?: number | undefined;
  today: string;
}

export class Cancelled extends Error {}

/** Reads the file on this thread, handing each row to `sinks` as it goes. */
export async function readRoster(
  db: Database,
  req: ReadRequest,
  sinks: RosterSinks,
  opts: { progress: (done: number, total: number) => void; cancelled: () => boolean; pause?: () => Promise<void> },
): Promise<RosterRead> {
  const abort = new AbortController();
  const {
    records: _r,
    problems: _p,
    ...read
  } = await readForImport<RosterRecord>(req.file, {
    required: ['idNumber', 'name', 'village', 'householdNumber'],
    parse: (c, m, row) => parseRosterRow(c, m, row, req.today),
    words: req.words,
    ...layoutOptions(db, 'roster', req),
    onRecord: sinks.record,
    onProblem: sinks.problem,
    read: {
      signal: abort.signal,
      onProgress: (done, total) => {
        if (opts.cancelled()) abort.abort();
        opts.progress(done, total);
      },
      ...(opts.pause ? { yieldEvery: opts.pause } : {}),
    },
  });
  if (opts.cancelled()) throw new Cancelled();
  return read;
}

// A row crosses threads as eleven strings in a flat array: far cheaper to copy than objects.
const FIELDS = 11;
const BATCH_ROWS = 2000;
/** Batches the reader may be ahead of the writer by. */
const AHEAD = 8;

export function packer(send: (rows: unknown[], problems: RowProblem[]) => void, counter: Int32Array) {
  let rows: unknown[] = [];
  let problems: RowProblem[] = [];
  const flush = () => {
    if (!rows.length && !problems.length) return;
    Atomics.add(counter, 0, 1);
    send(rows, problems);
    rows = [];
    problems = [];
  };
  return {
    sinks: {
      record(r: RosterRecord) {
        rows.push(r.row, r.idNumber, r.birthDate, r.sex, r.name, r.phone, r.village, r.householdNumber, r.relation, r.address, r.leftReason);
        if (rows.length === BATCH_ROWS * FIELDS) flush();
      },
      problem(p: RowProblem) {
        problems.push(p);
        if (problems.length === BATCH_ROWS) flush();
      },
    } satisfies RosterSinks,
    flush,
    /** Waits while the writer is more than AHEAD batches behind. */
    async pause() {
      while (Atomics.load(counter, 0) - Atomics.load(counter, 1) > AHEAD) await new Promise((r) => setTimeout(r, 2));
    },
  };
}

export function unpack(rows: unknown[], problems: RowProblem[], sinks: RosterSinks): void {
  for (let i = 0; i < rows.length; i += FIELDS) {
    sinks.record({
      row: rows[i] as number,
      idNumber: rows[i + 1] as string,
      birthDate: rows[i + 2] as string,
      sex: rows[i + 3] as 'male' | 'female',
      name: rows[i + 4] as string,
      phone: rows[i + 5] as string,
      village: rows[i + 6] as string,
      householdNumber: rows[i + 7] as string,
      relation: rows[i + 8] as string,
      address: rows[i + 9] as string,
      leftReason: rows[i + 10] as RosterRecord['leftReason'],
    });
  }
  for (const p of problems) sinks.problem(p);
}
