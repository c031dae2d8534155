import type { Migration } from './migration';

export const m011InsuranceHistory: Migration = {
  version: 11,
  name: '参保记录（按人、年度、险种，来自医保系统的核实名单等）；本县行政区划代码；医保参保核实导入',
  rebuildsTables: true,
  up(db) {
    // What the 医保 system says of a person's insurance in a year, per scheme: kept apart from
    // the person's current facts (职工医保, 县外参保) so a lapse can be counted year by year.
    db.exec(`
      CREATE TABLE insurance_history (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        coverage_year INTEGER NOT NULL CHECK (coverage_year BETWEEN 1998 AND 2100),
        scheme TEXT NOT NULL CHECK (scheme IN ('resident', 'employee')),
        insured INTEGER NOT NULL CHECK (insured IN (0, 1)),
        -- 所属区划 as the file gave it ('' when it did not)
        division TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (person_id, coverage_year, scheme)
      ) STRICT, WITHOUT ROWID;

      -- GB/T 2260: where a 所属区划 is this county, the same city, or elsewhere.
      -- A new import kind: the CHECK is rebuilt the way SQLite says (new table, copy, swap).
      CREATE TABLE import_batches_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('roster', 'categories', 'payments', 'situations', 'insurance')),
        file_name TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        options_json TEXT NOT NULL DEFAULT '{}',
        undone_at TEXT,
        undone_by TEXT
      ) STRICT;
      INSERT INTO import_batches_new SELECT id, kind, file_name, file_hash, actor, at, counts_json, options_json, undone_at, undone_by FROM import_batches;
      DROP TABLE import_batches;
      ALTER TABLE import_batches_new RENAME TO import_batches;

      ALTER TABLE office ADD COLUMN county_code TEXT NOT NULL DEFAULT '' CHECK (county_code = '' OR county_code GLOB '[1-9][0-9][0-9][0-9][0-9][0-9]');
    `);
  },
};
