import type { Migration } from './migration';

export const m019WriteKeys: Migration = {
  version: 19,
  name: '每次修改的提交编号：同一修改重试时只做一次',
  up(db) {
    // Issue 30: a seat that heard no answer (a timeout, the main PC restarting) sends the same
    // change again with the same key; the key, kept in the change's own transaction with the
    // answer given, makes the second one answer as the first did instead of doing it twice.
    db.exec(`
      CREATE TABLE write_keys (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- the change's arguments (SHA-256 of their JSON): the same key with others is not a retry
        arg_hash TEXT NOT NULL,
        done_by TEXT NOT NULL,
        done_at TEXT NOT NULL,
        answer TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX write_keys_done_at ON write_keys (done_at);
    `);
  },
};
