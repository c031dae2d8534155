import type { Migration } from './migration';

export const m005NamePieces: Migration = {
  version: 5,
  name: '姓名片段按不同姓名存放',
  up(db) {
    db.exec(`
      -- The two-character pieces of every distinct name, not of every person: a township
      -- repeats its names, and an import of a million persons then writes a fraction of the
      -- rows. Search finds the names by piece, then the persons by name (persons_name).
      CREATE TABLE name_pieces (
        gram TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (gram, name)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO name_pieces (gram, name)
        SELECT DISTINCT g.gram, p.name FROM name_grams g JOIN persons p ON p.id = g.person_id;
      DROP TABLE name_grams;
    `);
  },
};
