// The column mappings clerks confirmed, kept per header signature and kind of import
// (excel/layouts.ts weighs one against the header words before it is used).
import type { Database } from 'better-sqlite3';
import type { Mapping } from '../domain/import/fields';
import type { SavedLayout } from '../types/imports';
import { sql } from './statements';

/** The layout saved for a header signature of this kind, if any: a new layout is a saved mapping, not code. */
export function savedLayouts(db: Database, kind: string) {
  return (signature: string): SavedLayout | undefined => {
    const saved = sql(db, 'SELECT mapping_json, updated_at FROM import_layouts WHERE signature = ? AND kind = ?').get(signature, kind) as
      { mapping_json: string; updated_at: string } | undefined;
    return saved ? { mapping: JSON.parse(saved.mapping_json) as Mapping, at: saved.updated_at } : undefined;
  };
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

/** How an import of this kind finds its columns: the clerk's mapping and header row if given, and the layouts saved before. */
export function layoutOptions(db: Database, kind: string, arg: { mapping?: Mapping | undefined; headerRow?: number | undefined }) {
  return { mapping: arg.mapping, headerRow: arg.headerRow, saved: savedLayouts(db, kind) };
}
