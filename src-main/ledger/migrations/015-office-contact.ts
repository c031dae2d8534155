import type { Migration } from './migration';

export const m015OfficeContact: Migration = {
  version: 15,
  name: '社保所的联系电话、地址和资助对象公示天数（公示名单上印公示期和反映意见的电话、地址）',
  up(db) {
    // docs/rules.md "Household papers": the 公示 list carries its 公示期 and where to object.
    db.exec(`
      ALTER TABLE office ADD COLUMN phone TEXT NOT NULL DEFAULT '';
      ALTER TABLE office ADD COLUMN address TEXT NOT NULL DEFAULT '';
      ALTER TABLE office ADD COLUMN public_days INTEGER NOT NULL DEFAULT 7 CHECK (public_days BETWEEN 1 AND 60);
    `);
  },
};
