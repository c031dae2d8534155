import type { Database } from 'better-sqlite3';

/** One step of the ledger's schema, run once under PRAGMA user_version (index.ts orders them). */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
  /** The migration drops and recreates a table that others reference: it runs with foreign keys off. */
  rebuildsTables?: true;
}
