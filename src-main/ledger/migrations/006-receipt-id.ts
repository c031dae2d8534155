import type { Migration } from './migration';

export const m006ReceiptFullId: Migration = {
  version: 6,
  name: '收据是否显示完整身份证号',
  up(db) {
    // Receipts mask the ID number unless the office chooses the full number (issue 6).
    db.exec('ALTER TABLE office ADD COLUMN receipt_full_id INTEGER NOT NULL DEFAULT 0 CHECK (receipt_full_id IN (0, 1))');
  },
};
