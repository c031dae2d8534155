import type { Migration } from './migration';

export const m012CompleteYears: Migration = {
  version: 12,
  name: '已齐全的参保年度（经办人标记：该年度的缴费记录已全部取得，未参保即为断保）',
  up(db) {
    // Residents also pay online without the office: a year tells who lapsed only once the
    // office holds all of its payment records. Importing 税务/医保's records makes a year
    // known by itself; this table is the office's word for a year it knows another way.
    db.exec(`
      CREATE TABLE complete_years (
        coverage_year INTEGER PRIMARY KEY CHECK (coverage_year BETWEEN 1998 AND 2100),
        marked_by TEXT NOT NULL,
        marked_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX pending_payments_id_number ON pending_payments (id_number, coverage_year);
    `);
  },
};
