import type { Migration } from './migration';

export const m014KnownYears: Migration = {
  version: 14,
  name: '参保年度如何得知（全部名单的导入或本所标记，可撤回）；医保记录的终止、暂停参保',
  up(db) {
    // docs/rules.md "Which files make a year known": a year is known for the whole roster only by the office's mark or
    // by a committed import the clerk confirmed as the township's full list; a 代缴明细 never is.
    // Each way a year became known is kept with who and when, and a withdrawal is kept too.
    // Marks move over as they were; a payment file imported before this version made its year
    // known by itself and no longer does (the 政策 page shows the year as not known).
    db.exec(`
      CREATE TABLE known_years (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        coverage_year INTEGER NOT NULL CHECK (coverage_year BETWEEN 1998 AND 2100),
        -- the import of the township's full list; NULL for the office's mark
        batch_id INTEGER REFERENCES import_batches (id),
        -- how many of the roster the list named, or the mark turned into 未参保
        persons INTEGER NOT NULL CHECK (persons >= 0),
        known_by TEXT NOT NULL,
        known_at TEXT NOT NULL,
        withdrawn_by TEXT,
        withdrawn_at TEXT,
        CHECK ((withdrawn_by IS NULL) = (withdrawn_at IS NULL))
      ) STRICT;
      CREATE INDEX known_years_year ON known_years (coverage_year);

      INSERT INTO known_years (coverage_year, batch_id, persons, known_by, known_at)
        SELECT coverage_year, NULL, 0, marked_by, marked_at FROM complete_years ORDER BY coverage_year;
      DROP TABLE complete_years;

      -- 医保 said the insurance ended or paused that year (终止参保、注销、暂停): the year is
      -- unknown for the person, even where the year is known for everyone else.
      ALTER TABLE insurance_history ADD COLUMN ended INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1));
    `);
  },
};
