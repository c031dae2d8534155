import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src-main/ledger/open';
import { searchPersons } from '../../../src-main/ledger/search';
import { openBatch } from '../../../src-main/ledger/import-batches';
import { commitStaged } from '../../../src-main/imports/roster-commit';
import { rosterStager } from '../../../src-main/imports/roster-staging';
import { attachStaging, planStaged, stagedCounts } from '../../../src-main/ledger/staging';
import { idFor } from '../../helpers/people';
import { tempDirs } from '../../helpers/ledger';
import path from 'node:path';

const { fresh, cleanup } = tempDirs();
afterEach(cleanup);

const indexes = (db: ReturnType<typeof openLedger>) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'persons' AND sql IS NOT NULL ORDER BY name").all();

/** A ledger with one village and 400 staged, checked rows waiting to be written. */
function staged() {
  const dir = fresh();
  const db = openLedger(dir);
  db.exec("INSERT INTO villages (code, name, created_on) VALUES ('001', '幸福村', '2023-01-01')");
  attachStaging(db, path.join(dir, 'imports', 'x.sqlite'), true);
  const stage = rosterStager(db);
  for (let i = 0; i < 400; i++) {
    const name = i % 2 ? '王秀英' : '李建国';
    stage.record({
      row: i + 2,
      idNumber: idFor('1970-01-01', 2 * i + 1),
      name,
      sex: 'male',
      birthDate: '1970-01-01',
      phone: `1380000${String(i).padStart(4, '0')}`,
      village: '幸福',
      householdNumber: String(Math.floor(i / 4)),
      relation: i % 4 ? '子女' : '户主',
      address: '',
      leftReason: i % 100 === 7 ? 'moved_out' : '',
    });
  }
  stage.finish(() => {});
  planStaged(db);
  return db;
}

describe('writing a staged roster', () => {
  it('writes households, persons and their heads, records each change, and builds the dropped indexes again', () => {
    const db = staged();
    const before = indexes(db);
    expect(stagedCounts(db, 2024)).toEqual({ add: 400, update: 0, unchanged: 0, leaving: 4, problems: 0 });
    db.exec('BEGIN IMMEDIATE');
    const batch = openBatch(db, { kind: 'roster', fileName: 'x.xlsx', fileHash: 'h', actor: 't', at: 'x' });
    const phases: string[] = [];
    const r = commitStaged(db, batch.id, '2024-01-01T00:00:00Z', stagedCounts(db, 2024), (phase) => phases.push(phase), { year: 2024, source: 'x.xlsx' }, 1);
    db.exec('COMMIT');
    expect(r).toEqual({ add: 400, update: 0, households: 100, leaving: 4 });
    // 是否在籍 = 否: 户口迁出 for the year, named by the file.
    expect(db.prepare('SELECT person_id, coverage_year, reason, source FROM not_enrolled_reasons ORDER BY person_id').all()).toEqual(
      [8, 108, 208, 308].map((id) => ({ person_id: id, coverage_year: 2024, reason: 'moved_out', source: 'x.xlsx' })),
    );
    expect(phases).toContain('建立索引');
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM households WHERE head_person_id IS NOT NULL').pluck().get()).toBe(100);
    // One change for each run of new ids, in the order undo reverses.
    expect(db.prepare('SELECT seq, entity, entity_id AS first, before_json FROM import_changes ORDER BY seq').all()).toEqual([
      { seq: 1, entity: 'households', first: 1, before_json: '{"last":100}' },
      { seq: 2, entity: 'persons', first: 1, before_json: '{"last":400}' },
      ...[8, 108, 208, 308].map((id, i) => ({
        seq: 3 + i,
        entity: 'not_enrolled_reason',
        first: id,
        before_json: '{"year":2024,"prior":null,"setAt":"2024-01-01T00:00:00Z"}',
      })),
    ]);
    expect(db.prepare('SELECT gram, name FROM name_pieces ORDER BY gram, name').all()).toEqual([
      { gram: '建国', name: '李建国' },
      { gram: '李建', name: '李建国' },
      { gram: '王秀', name: '王秀英' },
      { gram: '秀英', name: '王秀英' },
    ]);
    expect(searchPersons(db, '秀英', 500)).toHaveLength(200);
    expect(searchPersons(db, 'wxy', 500)).toHaveLength(200);
    expect(JSON.stringify(db.prepare("EXPLAIN QUERY PLAN SELECT id FROM persons WHERE initials = 'wxy'").all())).toContain('persons_initials');
    db.close();
  });

  it('leaves the ledger and its indexes as they were when stopped halfway and rolled back', () => {
    const db = staged();
    const before = indexes(db);
    db.exec('BEGIN IMMEDIATE');
    const batch = openBatch(db, { kind: 'roster', fileName: 'x.xlsx', fileHash: 'h', actor: 't', at: 'x' });
    expect(() =>
      commitStaged(
        db,
        batch.id,
        'x',
        stagedCounts(db, 2024),
        (_phase, done) => {
          if (done === 400) throw new Error('stop');
        },
        undefined,
        1,
      ),
    ).toThrow('stop');
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(400);
    db.exec('ROLLBACK');
    expect(indexes(db)).toEqual(before);
    for (const t of ['persons', 'households', 'import_changes', 'import_batches', 'name_pieces'])
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    db.close();
  });
});
