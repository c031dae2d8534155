// The column mapping the clerk confirmed for a file layout (its header signature), kept per
// kind of import so the next file of the same layout maps itself. A saved layout is a
// suggestion: a mislabelled file committed with the clerk's mapping (姓名 ↔ 与户主关系 swapped)
// must not rename the next honest file's persons 户主, so it is used only where it agrees with
// the header words, and the dry run says which mapping it used. (The saved layouts are kept in
// ledger/import-layouts.ts.)
import { chinaDate } from '../domain/dates';
import { FIELD_LABELS, fieldForHeader, type FieldKey, type HeaderWords, type Mapping } from '../domain/import/fields';
import type { LayoutDisagreement, LayoutUse, SavedLayout } from '../types/imports';
import { columnName } from './sheet-scanner';

/**
 * Where a saved mapping and the header words disagree: a field put in a column other than the
 * one its header word names, or in a column whose header word names another field. A field
 * the saved mapping leaves out, or puts under a header the words do not know, is no disagreement:
 * that is what a clerk's mapping is remembered for.
 */
export function layoutDisagreements(words: HeaderWords, headers: string[], saved: Mapping): LayoutDisagreement[] {
  const named = headers.map((h) => fieldForHeader(words, h));
  const head = (col: number) => `${columnName(col)} 列“${headers[col]?.trim() || '（无标题）'}”`;
  const out: LayoutDisagreement[] = [];
  for (const [field, col] of Object.entries(saved) as [FieldKey, number][]) {
    const where = named.flatMap((f, i) => (f === field ? [i] : []));
    const label = FIELD_LABELS[field];
    if (where.length && !where.includes(col))
      out.push({ field, saved: col, header: where[0]!, message: `“${label}”：上次保存的是 ${head(col)}，表头文字说是 ${where.map(head).join('或')}` });
    else if (!where.length && named[col] && named[col] !== field)
      out.push({ field, saved: col, header: null, message: `“${label}”：上次保存的是 ${head(col)}，表头文字说这一列是“${FIELD_LABELS[named[col]]}”` });
  }
  return out;
}

/**
 * The mapping a read uses, and why: the clerk's when given; else the layout saved for this
 * header row where it agrees with the header words; else the header words' own (`guessed`).
 */
export function chooseMapping(
  words: HeaderWords,
  headers: string[],
  guessed: Mapping,
  opts: { told?: Mapping | undefined; saved?: SavedLayout | undefined },
): LayoutUse & { mapping: Mapping } {
  if (opts.told) return { mapping: opts.told, mappingSource: 'clerk', mappingNote: '按您选的列对应', layoutDisagreements: [] };
  if (!opts.saved) return { mapping: guessed, mappingSource: 'header', mappingNote: '按表头文字', layoutDisagreements: [] };
  const day = chinaDate(new Date(opts.saved.at));
  const disagreements = layoutDisagreements(words, headers, opts.saved.mapping);
  if (!disagreements.length)
    return { mapping: opts.saved.mapping, mappingSource: 'remembered', mappingNote: `按上次保存的列对应（${day}）`, layoutDisagreements: [] };
  return {
    mapping: guessed,
    mappingSource: 'header',
    mappingNote: `按表头文字：上次保存的列对应（${day}）与表头文字不符，没有使用`,
    layoutDisagreements: disagreements,
  };
}
