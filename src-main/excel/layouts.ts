// The column mapping the clerk confirmed for a file layout (its header signature), kept per
// kind of import so the next file of the same layout maps itself.
import type { Database } from 'better-sqlite3';
import type { Mapping } from '../domain/import/fields';
import { sql } from '../ledger/statements';

/** The mapping the clerk confirmed for a layout of this kind, if any: a new layout is a saved mapping, not code. */
export function knownLayouts(db: Database, kind: string) {
  return (signature: string): Mapping | undefined => {
    const saved = sql(db, 'SELECT mapping_json FROM import_layouts WHERE signature = ? AND kind = ?').pluck().get(signature, kind) as string | undefined;
    return saved ? (JSON.parse(saved) as Mapping) : undefined;
  };
}

/** The mapping remembered for a layout, else the guessed one. */
export function rememberedMapping(db: Database, kind: string) {
  const known = knownLayouts(db, kind);
  return (signature: string, guessed: Mapping): Mapping => known(signature) ?? guessed;
}

/** Called in the transaction that commits an import made with `mapping`. */
export function rememberLayout(db: Database, kind: string, signature: string, mapping: Mapping, at: string): void {
  // A file without a header has nothing to be known by next time.
  if (/^\|*$/.test(signature)) return;
  sql(
    db,
    'INSERT INTO import_layouts (signature, kind, mapping_json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at',
  ).run(signature, kind, JSON.stringify(mapping), at);
}

/** How an import of this kind finds its columns: the clerk's mapping and header row if given, else what was remembered. */
export function layoutOptions(db: Database, kind: string, arg: { mapping?: Mapping | undefined; headerRow?: number | undefined }) {
  const told = arg.mapping;
  return {
    mapping: told ? () => told : rememberedMapping(db, kind),
    headerRow: arg.headerRow,
    known: knownLayouts(db, kind),
  };
}
