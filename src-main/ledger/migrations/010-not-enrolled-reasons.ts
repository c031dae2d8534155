import type { Migration } from './migration';

export const m010NotEnrolledReasons: Migration = {
  version: 10,
  name: '未参保原因（拒参、失踪、无法联系、已注销户口、户口迁出、其他），按年度记录；手工认定的资助身份核对日期',
  up(db) {
    // A village's answer on the worklist for a person who stays in scope: kept per coverage
    // year, with where it came from, so next year's list starts clean.
    db.exec(`
      CREATE TABLE not_enrolled_reasons (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        coverage_year INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('refused', 'missing', 'unreachable', 'deregistered', 'moved_out', 'other')),
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (person_id, coverage_year)
      ) STRICT, WITHOUT ROWID;

      -- A category entered by hand waits on 工作台 until the clerk has checked it against the department.
      ALTER TABLE person_categories ADD COLUMN checked_on TEXT;
      ALTER TABLE person_categories ADD COLUMN checked_by TEXT;
    `);
  },
};
