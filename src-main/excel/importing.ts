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
import { headerRowByShape } from '../domain/import/header-row';
import type { LayoutUse, SavedLayout } from '../types/imports';
import { chooseMapping } from './layouts';
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
  /** Which mapping was used (header words, a saved layout, the clerk's), and a saved layout set aside. */
  layout: LayoutUse;
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
 * every row is parsed as it streams by. `mapping` (the clerk's) overrides the guess; a layout
 * saved for this header row does where it agrees with the header words (chooseMapping).
 */
export async function readForImport<R>(
  file: string,
  opts: {
    required: FieldKey[];
    parse: RowParser<R>;
    /** The county's header words, as checked when the import began (a worker thread is handed them). */
    words: HeaderWords;
    /** The clerk's mapping, when given. */
    mapping?: Mapping | undefined;
    /** The file row (1-based) the clerk says holds the header, when the guess was wrong or found none. */
    headerRow?: number | undefined;
    /** What to say when a required field has no column, where the screen offers another way (整批缴费日期). */
    hints?: Partial<Record<FieldKey, string>>;
    /** Layouts saved before: a header row is found by its signature, whatever the guess says. */
    saved?: (signature: string) => SavedLayout | undefined;
    read?: ReadOptions;
    /** Takes each record as it is read instead of keeping them all (a million rows do not fit). */
    onRecord?: (r: R) => void;
    onProblem?: (p: RowProblem) => void;
  },
): Promise<ReadResult<R>> {
  const head: { cells: string[]; row: number }[] = [];
  let guess: ReturnType<typeof locateHeader> = null;
  let mapping: Mapping = {};
  let layout: LayoutUse = { mappingSource: 'header', mappingNote: '按表头文字', layoutDisagreements: [] };
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
    ({ mapping, ...layout } = chooseMapping(opts.words, guess.headers, guess.mapping, { told: opts.mapping, saved: guess.saved }));
    // A saved layout set aside is said with any refusal below: the clerk maps the file knowing why.
    const setAside = layout.layoutDisagreements.length ? `${layout.mappingNote}（${layout.layoutDisagreements.map((d) => d.message).join('；')}）。` : '';
    const beyond = (Object.entries(mapping) as [FieldKey, number][]).find(([, col]) => col >= Math.max(...head.map((h) => h.cells.length)));
    if (beyond) throw new TableReadError(`${setAside}“${FIELD_LABELS[beyond[0]]}”指定的是第 ${beyond[1] + 1} 列，文件没有这么多列。请改正列对应关系。`);
    const missing = opts.required.filter((f) => mapping[f] === undefined);
    if (missing.length)
      throw new TableReadError(
        `${setAside}文件缺少必需的列：${missing.map((f) => FIELD_LABELS[f]).join('、')}。${missing.map((f) => opts.hints?.[f]).find(Boolean) ?? '请在列对应关系中指定。'}`,
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
    layout,
    rows,
    records,
    problems,
  };
}

/**
 * Where the header is among a file's first rows: the row the clerk named (0: the file has none,
 * its first row is data), else a row of a layout saved before (found by its signature), else
 * the program's guess; null when there is none. The mapping is the header words'; the layout
 * saved for that row, if any, comes beside it for `chooseMapping` to weigh.
 */
export function locateHeader(
  head: { row: number; cells: string[] }[],
  required: FieldKey[],
  opts: { words: HeaderWords; headerRow?: number | undefined; saved?: ((signature: string) => SavedLayout | undefined) | undefined },
): (HeaderGuess & { saved?: SavedLayout | undefined }) | null {
  const savedFor = (headers: string[]) => opts.saved?.(layoutSignature(headers));
  const at = (i: number) => {
    const headers = head[i]!.cells.map((c) => c.trim());
    return { dataStart: i + 1, headers, mapping: mapHeaders(opts.words, headers), saved: savedFor(headers) };
  };
  if (opts.headerRow === 0) return { dataStart: 0, headers: (head[0]?.cells ?? []).map(() => ''), mapping: {} };
  if (opts.headerRow !== undefined) {
    const told = head.findIndex((h) => h.row === opts.headerRow);
    if (told === -1) throw new TableReadError(`第 ${opts.headerRow} 行不在文件开头的 ${head.length} 行里（或是空行），请重新选择表头所在的行。`);
    return at(told);
  }
  for (let i = 0; opts.saved && i < head.length; i++) if (savedFor(head[i]!.cells)) return at(i);
  const guess = guessHeader(
    opts.words,
    head.map((h) => h.cells),
    required,
  );
  return guess && { ...guess, saved: savedFor(guess.headers) };
}

/**
 * The column picker's guess: the header row and the mapping a dry run would use with it. Where
 * the header words name too few fields for the dry run to find the header, the row is told by
 * its shape (title lines skipped) and every column whose header it knows is filled; with
 * `headerRow` (the clerk's choice) the mapping is that row's.
 */
export function guessColumns(
  head: { row: number; cells: string[] }[],
  required: FieldKey[],
  opts: { words: HeaderWords; saved: (signature: string) => SavedLayout | undefined; headerRow?: number | undefined },
): LayoutUse & { headerRow: number | null; mapping: Mapping } {
  const none: LayoutUse & { mapping: Mapping } = { mapping: {}, mappingSource: 'header', mappingNote: '按表头文字', layoutDisagreements: [] };
  if (opts.headerRow === 0) return { headerRow: 0, ...none };
  const shaped =
    opts.headerRow === undefined
      ? headerRowByShape(
          opts.words,
          head.map((h) => h.cells),
        )
      : null;
  const guess = locateHeader(head, required, opts) ?? (shaped === null ? null : locateHeader(head, required, { ...opts, headerRow: head[shaped]!.row }));
  if (!guess) return { headerRow: null, ...none };
  return { headerRow: head[guess.dataStart - 1]!.row, ...chooseMapping(opts.words, guess.headers, guess.mapping, { saved: guess.saved }) };
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
