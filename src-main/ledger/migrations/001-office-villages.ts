import type { Migration } from './migration';

export const m001OfficeAndVillages: Migration = {
  version: 1,
  name: '乡镇设置与村/社区',
  up(db) {
    db.exec(`
      CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        township_name TEXT NOT NULL,
        county TEXT NOT NULL
      ) STRICT;
      INSERT INTO office (id, township_name, county) VALUES (1, '', '');

      CREATE TABLE villages (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) > 0),
        retired_on TEXT CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_on TEXT NOT NULL
      ) STRICT;
      -- Two villages in use may not share a name; a retired one keeps its name for history.
      CREATE UNIQUE INDEX villages_active_name ON villages (name) WHERE retired_on IS NULL;
    `);
  },
};
