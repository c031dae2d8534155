// The changes done under a caller's key (migration 019): a retry of the same change finds it
// here and is answered as the first was. Kept a week: a retry comes within seconds or minutes.
import type { Database } from 'better-sqlite3';

export const WRITE_KEYS_KEPT_DAYS = 7;

export interface DoneWrite {
  name: string;
  argHash: string;
  doneBy: string;
  answer: string;
}

export function doneWrite(db: Database, key: string): DoneWrite | undefined {
  return db.prepare('SELECT name, arg_hash AS argHash, done_by AS doneBy, answer FROM write_keys WHERE key = ?').get(key) as DoneWrite | undefined;
}

/** Inside the change's transaction: it and its key land together or not at all. */
export function rememberWrite(db: Database, w: DoneWrite & { key: string; doneAt: string }): void {
  const before = new Date(Date.parse(w.doneAt) - WRITE_KEYS_KEPT_DAYS * 86_400_000).toISOString();
  db.prepare('DELETE FROM write_keys WHERE done_at < ?').run(before);
  db.prepare('INSERT INTO write_keys (key, name, arg_hash, done_by, done_at, answer) VALUES (?, ?, ?, ?, ?, ?)').run(
    w.key,
    w.name,
    w.argHash,
    w.doneBy,
    w.doneAt,
    w.answer,
  );
}
