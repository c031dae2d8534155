// Transactions begun and ended by hand, for work that awaits between its statements (a roster
// is read from its file inside one), where db.transaction()'s synchronous callback cannot
// reach; and when such work's commits reach the disk.
import type { Database } from 'better-sqlite3';

export function begin(db: Database): void {
  db.exec('BEGIN');
}

/** Takes the write lock now, not at the first write: what the transaction reads, no other writer changes before it ends. */
export function beginImmediate(db: Database): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commit(db: Database): void {
  db.exec('COMMIT');
}

export function rollback(db: Database): void {
  db.exec('ROLLBACK');
}

/** This connection's commits stop waiting for the disk: what it writes is durable only once checkpoint() has run. */
export function commitsWithoutSync(db: Database): void {
  db.pragma('synchronous = NORMAL');
}

/** Writes the pages in the write-ahead log back into the ledger file now, and empties the log. */
export function checkpoint(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
