import type { Migration } from './migration';

export const m016PaymentRefs: Migration = {
  version: 16,
  name: '医保缴费明细的电子税票号码与明细编号（同一笔缴费只登记一次，冲销找得到原缴费）',
  up(db) {
    // docs/rules.md "医保's payment details": a payment's identity in the 医保 platform's files is
    // its 电子税票号码 with the person's 证件号码, 险种类型 and 费款所属期 (one 税票 covers a
    // department's many persons), or the detail's own id where the file has one. Kept beside the
    // enrollment a file recorded, so the same payment in a second file is not recorded again and
    // a reversal (核销/冲红) finds the payment it undoes.
    db.exec(`
      CREATE TABLE payment_refs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        -- 电子税票号码|证件号码|险种类型|费款所属期, or NULL where the file had no 税票号码
        tax_key TEXT,
        -- the 医保 detail's own id, where the file has one
        detail_id TEXT,
        CHECK (tax_key IS NOT NULL OR detail_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX payment_refs_tax_key ON payment_refs (tax_key) WHERE tax_key IS NOT NULL;
      CREATE INDEX payment_refs_detail_id ON payment_refs (detail_id) WHERE detail_id IS NOT NULL;
      CREATE INDEX payment_refs_enrollment ON payment_refs (enrollment_id);

      -- A reversal whose payment the ledger does not hold waits on 待核实 naming what it reverses;
      -- it is never recorded as a payment.
      ALTER TABLE pending_payments ADD COLUMN reverses TEXT;
    `);
  },
};
