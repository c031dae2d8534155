import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection. Preparing costs more than running
 * most of our queries, and imports run them hundreds of thousands of times.
 * Each SQL text is used by one call site, so a statement's pluck/raw mode stays its own.
 */
export function sql(db: Database, text: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let s = byText.get(text);
  if (!s) {
    s = db.prepare(text);
    byText.set(text, s);
  }
  return s;
}
