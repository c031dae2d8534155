// The column picker's first look at a file: its first rows, and which column each field is in by
// the header words or a layout the office saved, for every kind (the county's 附件2 included).
import { KIND_FIELDS } from '../domain/import/fields';
import { guessColumns, headRows } from '../excel/importing';
import { TableReadError } from '../excel/table';
import { holdUpload, releaseUpload } from '../files/uploads';
import { savedLayouts } from '../ledger/import-layouts';
import { Refusal, type Context } from '../service/context';
import { headerWordsOf } from '../service/tables';
import type { ImportColumns, ImportKind } from '../types/imports';

export async function columnsOf(ctx: Context, kind: ImportKind | 'targets', file: string, headerRow: number | undefined): Promise<ImportColumns> {
  let rows;
  holdUpload(file);
  try {
    rows = await headRows(file);
  } catch (e) {
    if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'file');
    throw e;
  } finally {
    releaseUpload(file);
  }
  const fields = KIND_FIELDS[kind];
  let guess;
  try {
    guess = guessColumns(rows, fields.required, { words: headerWordsOf(ctx), saved: savedLayouts(ctx.db, kind), headerRow: headerRow });
  } catch (e) {
    // A header row the clerk named that is not among the file's first rows.
    if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'headerRow');
    throw e;
  }
  return {
    rows: rows.slice(0, 15),
    ...guess,
    fields: [...fields.required.map((key) => ({ key, required: true })), ...fields.optional.map((key) => ({ key, required: false }))],
  };
}
