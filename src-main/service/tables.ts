// The county's tables as a rule uses them: a broken one refuses the work that needs it with
// the file, line and fault named ('unavailable': the clerk's input is fine, the table is not),
// never as 程序内部出错.
import type { AliasTable } from '../domain/import/category-labels';
import type { HeaderWords } from '../domain/import/fields';
import { BrokenTable } from '../policies/county-tables';
import { Refusal, type Context } from './context';

function refusing<T>(get: () => T): T {
  try {
    return get();
  } catch (e) {
    if (e instanceof BrokenTable) throw new Refusal('unavailable', e.message);
    throw e;
  }
}

/** The header words every import reads its columns by. */
export const headerWordsOf = (ctx: Context): HeaderWords => refusing(() => ctx.tables.headerWords());

/** The category aliases a department list or a payment file is read by. */
export const aliasesOf = (ctx: Context): AliasTable => refusing(() => ctx.tables.aliases());
