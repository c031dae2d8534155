import type { Migration } from './migration';

export const m009PendingResolution: Migration = {
  version: 9,
  name: '待核实缴费的处理结果与税务代缴的金额、类别；按对象查审计日志（人员信息中的变更记录）',
  up(db) {
    // Until now a pending payment was only ever closed by undoing its batch (resolved_at alone).
    // The clerk now settles each one: recorded against an enrollment, or dismissed, with who and why.
    db.exec(`
      ALTER TABLE pending_payments ADD COLUMN resolution TEXT CHECK (resolution IN ('recorded', 'dismissed', 'undone'));
      ALTER TABLE pending_payments ADD COLUMN resolved_by TEXT;
      ALTER TABLE pending_payments ADD COLUMN resolution_note TEXT;
      ALTER TABLE pending_payments ADD COLUMN enrollment_id INTEGER REFERENCES enrollments (id);
      UPDATE pending_payments SET resolution = 'undone' WHERE resolved_at IS NOT NULL;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
      -- 税务's 代缴明细 gives the department's part (代缴金额) and its group (代缴类别), not the person's.
      ALTER TABLE pending_payments ADD COLUMN personal_known INTEGER NOT NULL DEFAULT 1 CHECK (personal_known IN (0, 1));
      ALTER TABLE pending_payments ADD COLUMN subsidy_fen INTEGER;
      ALTER TABLE pending_payments ADD COLUMN category_label TEXT NOT NULL DEFAULT '';
    `);
  },
};
