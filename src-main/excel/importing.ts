// The import pipeline shared by every kind: read the file, find the header, map the
// columns, check each row, and hold the result until the clerk commits or drops it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  FIELD_LABELS,
  guessHeader,
  layoutSignature,
  mapHeaders,
  repeatedFields,
  type FieldKey,
  type HeaderGuess,
  type HeaderWords,
  type Mapping,
} from '../domain/import/fields';
import { columnName } from './sheet-scanner';
import { readTable, TableReadError, type ReadOptions } from './table';

export interface RowProblem {
  row: number;
  field: FieldKey | null;
  message: string;
}

export interface ReadResult<R> {
  fileName: string;
  fileHash: string;
  headers: string[];
  mapping: Mapping;
  signature: string;
  dataStart: number;
  /** The file row (1-based) the header was read from; 0 for a file without one. */
  headerRow: number;
  rows: number;
  /** Empty when the caller took each record as it was read (`onRecord`). */
  records: R[];
  problems: RowProblem[];
}

/** A parser returns the record, a problem, or null for a row that asks nothing of us. */
/** Awaited once per row by long loops; yields to the event loop every so often. */
export type Tick = () => Promise<void>;

export type RowParser<R> = (cells: string[], mapping: Mapping, row: number) => R | RowProblem | null;

export async function fileHash(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * One pass over the file: the first rows are held back until the header is found, then
 * every row is parsed as it streams by. `mapping` overrides the guess (the clerk's
 * correction, or the one remembered for this layout).
 */
export async function readForImport<R>(
  file: string,
  opts: {
    required: FieldKey[];
    parse: RowParser<R>;
    /** The county's header words, as checked when the import began (a worker thread is handed them). */
    words: HeaderWords;
    mapping?: (signature: string, guessed: Mapping) => Mapping;
    /** The file row (1-based) the clerk says holds the header, when the guess was wrong or found none. */
    headerRow?: number | undefined;
    /** What to say when a required field has no column, where the screen offers another way (整批缴费日期). */
    hints?: Partial<Record<FieldKey, string>>;
    /** A layout the clerk mapped before: its header row is found by its signature, whatever the guess says. */
    known?: (signature: string) => Mapping | undefined;
    read?: ReadOptions;
    /** Takes each record as it is read instead of keeping them all (a million rows do not fit). */
    onRecord?: (r: R) => void;
    onProblem?: (p: RowProblem) => void;
  },
): Promise<ReadResult<R>> {
  const head: { cells: string[]; row: number }[] = [];
  let guess: ReturnType<typeof guessHeader> = null;
  let mapping: Mapping = {};
  let signature = '';
  let headerRow = 0;
  let rows = 0;
  const records: R[] = [];
  const problems: RowProblem[] = [];
  const onRecord = opts.onRecord ?? ((r: R) => void records.push(r));
  const onProblem = opts.onProblem ?? ((p: RowProblem) => void problems.push(p));

  const take = (cells: string[], row: number) => {
    if (cells.every((c) => !c.trim()) || totalRow(cells, mapping)) return;
    rows++;
    const r = opts.parse(cells, mapping, row);
    if (r === null) return;
    if (typeof r === 'object' && 'message' in r && 'row' in r && 'field' in r) onProblem(r as RowProblem);
    else onRecord(r as R);
  };
  const decide = () => {
    guess = locateHeader(head, opts.required, opts);
    if (!guess)
      throw new TableReadError(
        `找不到表头行：前 ${head.length} 行里没有认出“${opts.required.map((f) => FIELD_LABELS[f]).join('”“')}”等列名。请检查文件，或在导入时手工指定各列。`,
      );
    signature = layoutSignature(guess.headers);
    mapping = opts.mapping ? opts.mapping(signature, guess.mapping) : guess.mapping;
    const beyond = (Object.entries(mapping) as [FieldKey, number][]).find(([, col]) => col >= Math.max(...head.map((h) => h.cells.length)));
    if (beyond) throw new TableReadError(`“${FIELD_LABELS[beyond[0]]}”指定的是第 ${beyond[1] + 1} 列，文件没有这么多列。请改正列对应关系。`);
    const missing = opts.required.filter((f) => mapping[f] === undefined);
    if (missing.length)
      throw new TableReadError(
        `文件缺少必需的列：${missing.map((f) => FIELD_LABELS[f]).join('、')}。${missing.map((f) => opts.hints?.[f]).find(Boolean) ?? '请在列对应关系中指定。'}`,
      );
    // A second 姓名 or 身份证号 column is named, never dropped without a word.
    headerRow = guess.dataStart === 0 ? 0 : (head[guess.dataStart - 1]?.row ?? guess.dataStart);
    for (const { field, columns } of repeatedFields(opts.words, guess.headers)) {
      const used = mapping[field];
      const letters = columns.map(columnName).join('、');
      onProblem({
        row: headerRow,
        field,
        message: `表头有 ${columns.length} 列都像是“${FIELD_LABELS[field]}”（${letters} 列），本次用的是 ${used === undefined ? '其中没有一列' : `${columnName(used)} 列`}；如果不对，请在列对应关系中改正后重新试导入。`,
      });
    }
    for (const h of head.slice(guess.dataStart)) take(h.cells, h.row);
  };

  await readTable(
    file,
    (cells, row) => {
      if (!guess) {
        head.push({ cells, row });
        if (head.length === 30) decide();
        return;
      }
      take(cells, row);
    },
    { yieldEvery: yieldToLoop, ...opts.read },
  );
  if (!guess) {
    if (!head.length) throw new TableReadError('文件里没有任何数据。');
    decide();
  }
  const g = guess as unknown as NonNullable<ReturnType<typeof guessHeader>>;
  return {
    fileName: path.basename(file),
    fileHash: await fileHash(file),
    headers: g.headers,
    mapping,
    signature,
    dataStart: g.dataStart,
    headerRow,
    rows,
    records,
    problems,
  };
}

/**
 * Where the header is among a file's first rows: the row the clerk named (0: the file has none,
 * its first row is data), else a row of a layout mapped before (found by its signature, with
 * that mapping), else the program's guess; null when there is none.
 */
export function locateHeader(
  head: { row: number; cells: string[] }[],
  required: FieldKey[],
  opts: { words: HeaderWords; headerRow?: number | undefined; known?: ((signature: string) => Mapping | undefined) | undefined },
): HeaderGuess | null {
  const at = (i: number, mapping: Mapping): HeaderGuess => ({ dataStart: i + 1, headers: head[i]!.cells.map((c) => c.trim()), mapping });
  if (opts.headerRow === 0) return { dataStart: 0, headers: (head[0]?.cells ?? []).map(() => ''), mapping: {} };
  if (opts.headerRow !== undefined) {
    const told = head.findIndex((h) => h.row === opts.headerRow);
    if (told === -1) throw new TableReadError(`第 ${opts.headerRow} 行不在文件开头的 ${head.length} 行里（或是空行），请重新选择表头所在的行。`);
    return at(told, mapHeaders(opts.words, head[told]!.cells));
  }
  for (let i = 0; opts.known && i < head.length; i++) {
    const mapping = opts.known(layoutSignature(head[i]!.cells));
    if (mapping) return at(i, mapping);
  }
  return guessHeader(
    opts.words,
    head.map((h) => h.cells),
    required,
  );
}

/**
 * The sheet's own 合计/总计/小计 line under a list of persons (合计：30人), or its 制表人 footing: no one's row. A row
 * that holds an ID number is a person's whatever else it says; a targets sheet (no ID column)
 * checks its 合计 itself.
 */
function totalRow(cells: string[], mapping: Mapping): boolean {
  if (mapping.idNumber === undefined || /\d{15}/.test(cells[mapping.idNumber] ?? '')) return false;
  const first = (cells.find((c) => c.trim()) ?? '').normalize('NFKC').replace(/\s/g, '');
  // The sheet's own footing: 合计, or who made and printed it (制表人：… 打印时间：…).
  return /^(合计|总计|小计|制表|填表|审核|打印时间|打印日期|负责人|经办人|单位负责人|备注[:：])/.test(first);
}

/** The first non-empty rows of a file (at most `n`), each cut to `width` cells, for the clerk to point at the header. */
export async function headRows(file: string, n = 30, width = 40): Promise<{ row: number; cells: string[] }[]> {
  const out: { row: number; cells: string[] }[] = [];
  const stop = new AbortController();
  try {
    await readTable(
      file,
      (cells, row) => {
        if (out.length >= n || cells.every((c) => !c.trim())) return;
        out.push({ row, cells: cells.slice(0, width).map((c) => (c.length > 60 ? `${c.slice(0, 60)}…` : c)) });
        if (out.length >= n) stop.abort();
      },
      { signal: stop.signal, yieldEvery: yieldToLoop },
    );
  } catch (e) {
    // Stopping once the rows are in is not a failure.
    if (!stop.signal.aborted) throw e;
  }
  return out;
}
