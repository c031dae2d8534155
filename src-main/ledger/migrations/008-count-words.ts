import type { Migration } from './migration';

export const m008CountWords: Migration = {
  version: 8,
  name: '导入批次的计数与试导入用同一套词',
  up(db) {
    // A committed batch recorded added/updated/certified/applied/recorded where its dry run
    // said add/update/certify/apply/record (issue 12): one word for one thing from now on.
    db.exec(`
      UPDATE import_batches SET counts_json = json_remove(json_set(counts_json, '$.add', json_extract(counts_json, '$.added')), '$.added') WHERE json_type(counts_json, '$.added') IS NOT NULL;
      UPDATE import_batches SET counts_json = json_remove(json_set(counts_json, '$.update', json_extract(counts_json, '$.updated')), '$.updated') WHERE json_type(counts_json, '$.updated') IS NOT NULL;
      UPDATE import_batches SET counts_json = json_remove(json_set(counts_json, '$.certify', json_extract(counts_json, '$.certified')), '$.certified') WHERE json_type(counts_json, '$.certified') IS NOT NULL;
      UPDATE import_batches SET counts_json = json_remove(json_set(counts_json, '$.apply', json_extract(counts_json, '$.applied')), '$.applied') WHERE json_type(counts_json, '$.applied') IS NOT NULL;
      UPDATE import_batches SET counts_json = json_remove(json_set(counts_json, '$.record', json_extract(counts_json, '$.recorded')), '$.recorded') WHERE json_type(counts_json, '$.recorded') IS NOT NULL;
    `);
  },
};
