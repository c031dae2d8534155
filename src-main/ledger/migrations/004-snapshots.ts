import type { Migration } from './migration';

export const m004Snapshots: Migration = {
  version: 4,
  name: '每周参保进度快照',
  up(db) {
    db.exec(`
      -- Each village's figures as they stood when the week's snapshot was taken, so this
      -- week's progress can be set against last week's (栗子府发〔2023〕87号: weekly reports).
      CREATE TABLE progress_snapshots (
        coverage_year INTEGER NOT NULL,
        week_of TEXT NOT NULL CHECK (week_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        village_id INTEGER NOT NULL REFERENCES villages (id),
        target INTEGER NOT NULL,
        enrolled INTEGER NOT NULL,
        taken_at TEXT NOT NULL,
        PRIMARY KEY (coverage_year, week_of, village_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
