import type { Migration } from './migration';

export const m018PlatformRegistration: Migration = {
  version: 18,
  name: '医保平台的新参保登记：各村的单位编号、平台已知的人员（人员编号）、已导出的批量参保登记',
  up(db) {
    // docs/rules.md "New persons for the platform": who the 医保 platform knows (a 医保 list or a
    // payment detail named them, with their 人员编号), and who the office has already exported for
    // 批量参保登记 as they were then (their row version), so the next export holds only the new ones.
    db.exec(`
      ALTER TABLE villages ADD COLUMN unit_code TEXT NOT NULL DEFAULT '';

      CREATE TABLE platform_persons (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        person_no TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (person_id, batch_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE registration_exports (
        person_id INTEGER PRIMARY KEY REFERENCES persons (id),
        -- persons.changed_seq when exported: a change since makes the person due again
        changed_seq INTEGER NOT NULL,
        exported_at TEXT NOT NULL,
        exported_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
