import type { Migration } from './migration';

export const m003Imports: Migration = {
  version: 3,
  name: 'Excel 导入批次、撤销记录与列对应关系',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('roster', 'categories', 'payments', 'situations')),
        file_name TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        options_json TEXT NOT NULL DEFAULT '{}',
        undone_at TEXT,
        undone_by TEXT
      ) STRICT;

      -- What each batch did, row by row, so the whole batch can be undone.
      CREATE TABLE import_changes (
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        seq INTEGER NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
        before_json TEXT,
        PRIMARY KEY (batch_id, seq)
      ) STRICT, WITHOUT ROWID;

      -- Payments from the 医保/税务 exports that could not be recorded as they stand.
      CREATE TABLE pending_payments (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        row_number INTEGER NOT NULL,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        paid_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        tier INTEGER,
        channel TEXT NOT NULL,
        coverage_year INTEGER NOT NULL,
        reason TEXT NOT NULL,
        resolved_at TEXT
      ) STRICT;

      -- The column mapping the clerk confirmed, remembered per file layout.
      CREATE TABLE import_layouts (
        signature TEXT NOT NULL,
        kind TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (signature, kind)
      ) STRICT;
    `);
  },
};
