import type { Migration } from './migration';

export const m017FullLists: Migration = {
  version: 17,
  name: '部门的全部名单：谁在名单上（下一份全部名单与它比对，新增、变更、取消）',
  up(db) {
    // docs/rules.md "A department's full list": each full list the clerk applied keeps who was on it
    // and in which category, so the next full list is compared with the whole of it, not only
    // with those it newly certified. A list held back (a row could not be read) keeps no one.
    db.exec(`
      CREATE TABLE full_list_members (
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        person_id INTEGER NOT NULL REFERENCES persons (id),
        code TEXT NOT NULL,
        PRIMARY KEY (batch_id, person_id, code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX full_list_members_person ON full_list_members (person_id);
    `);
  },
};
