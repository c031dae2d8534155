import type { Database } from 'better-sqlite3';
import { m001OfficeAndVillages } from './001-office-villages';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Ordered; versions only increase. Never edit a migration that has shipped: add one. */
export const MIGRATIONS: readonly Migration[] = [m001OfficeAndVillages];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
