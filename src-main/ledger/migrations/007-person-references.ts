import type { Migration } from './migration';

export const m007PersonReferences: Migration = {
  version: 7,
  name: '为引用人员的列建索引',
  up(db) {
    // Deleting a person makes SQLite look for rows still pointing at it; without an index on
    // the pointing column that is a scan of the whole table per person, and undoing an import
    // of 100,000 persons took 102 s. The person's payments are looked up by it, too.
    db.exec(`
      CREATE INDEX households_head ON households (head_person_id);
      CREATE INDEX enrollments_person ON enrollments (person_id);
    `);
  },
};
