// A person's history for the drawer: every audited change to the person, their certified
// categories, their enrollments and refunds, the 待核实 payments recorded for them, and the
// import batches that touched them. Newest first; entries of one moment in the order made.
import type { Database } from 'better-sqlite3';
import type { RawChange } from '../domain/history';
import { sql } from './statements';

const AUDITED = `SELECT at, actor, action, before_json AS before, after_json AS after, id AS seq FROM audit_log WHERE`;

export function personChanges(db: Database, personId: number, limit = 200): RawChange[] {
  return sql(
    db,
    `${AUDITED} entity = 'person' AND entity_id = :text
     UNION ALL ${AUDITED} entity = 'person_category' AND entity_id IN (SELECT CAST(id AS TEXT) FROM person_categories WHERE person_id = :p)
     UNION ALL ${AUDITED} entity = 'enrollment' AND entity_id IN (SELECT CAST(id AS TEXT) FROM enrollments WHERE person_id = :p)
     UNION ALL ${AUDITED} entity = 'refund' AND entity_id IN
       (SELECT CAST(r.id AS TEXT) FROM refunds r JOIN enrollments e ON e.id = r.enrollment_id WHERE e.person_id = :p)
     UNION ALL ${AUDITED} entity = 'pending_payment' AND entity_id IN
       (SELECT CAST(q.id AS TEXT) FROM pending_payments q JOIN enrollments e ON e.id = q.enrollment_id WHERE e.person_id = :p)
     UNION ALL
     -- One line per batch: a batch that added a fact and updated another for the person is one import.
     SELECT b.at, b.actor, 'import.' || b.kind || '.' || max(c.op), min(c.before_json), json_object('file', b.file_name, 'undone', b.undone_at), 0
     FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
     WHERE (c.entity = 'person' AND c.entity_id = :p)
        -- A roster batch records the persons it added as one run of ids.
        OR (c.entity = 'persons' AND c.op = 'insert' AND :p BETWEEN c.entity_id AND json_extract(c.before_json, '$.last'))
        OR (c.entity = 'person_category' AND c.entity_id IN (SELECT id FROM person_categories WHERE person_id = :p))
        OR (c.entity = 'enrollment' AND c.entity_id IN (SELECT id FROM enrollments WHERE person_id = :p))
        OR (c.entity IN ('not_enrolled_reason', 'insurance_history') AND c.entity_id = :p)
     GROUP BY b.id
     ORDER BY at DESC, seq DESC LIMIT :limit`,
  ).all({ p: personId, text: String(personId), limit }) as RawChange[];
}
