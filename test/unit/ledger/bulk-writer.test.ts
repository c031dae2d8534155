import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src-main/ledger/open';
import { bulkPersonWriter } from '../../../src-main/ledger/roster';
import { searchPersons } from '../../../src-main/ledger/search';
import { idFor } from '../../helpers/people';
import { tempDirs } from '../../helpers/ledger';

const { fresh, cleanup } = tempDirs();
afterEach(cleanup);

const indexes = (db: ReturnType<typeof openLedger>) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'persons' AND sql IS NOT NULL ORDER BY name").all();

function ledgerWithHousehold() {
  const db = openLedger(fresh());
  db.exec(`INSERT INTO villages (code, name, created_on) VALUES ('001', '幸福村', '2023-01-01');
    INSERT INTO households (village_id, number, created_at) VALUES (1, '0001', '2023-01-01');`);
  return db;
}

const person = (i: number) => ({ idNumber: idFor('1970-01-01', 2 * i + 1), name: i % 2 ? '王秀英' : '李建国', sex: 'male' as const, birthDate: '1970-01-01', phone: `1380000${String(i).padStart(4, '0')}`, householdId: 1, villageId: 1, relation: '', residence: 'local_hukou', student: 'none' });
const pause = () => new Promise<void>((r) => setImmediate(r));

describe('writing many persons at once', () => {
  it('builds the dropped search indexes again, the same ones, and search uses them', async () => {
    const db = ledgerWithHousehold();
    const before = indexes(db);
    db.exec('BEGIN IMMEDIATE');
    const w = bulkPersonWriter(db, { rebuildIndexes: true });
    expect(indexes(db)).toEqual([]);
    for (let i = 0; i < 400; i++) w.add(person(i), 'x');
    await w.finish(pause);
    db.exec('COMMIT');
    expect(indexes(db)).toEqual(before);
    expect(db.prepare("SELECT gram, name FROM name_pieces ORDER BY gram, name").all()).toEqual([
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

  it('leaves the indexes as they were when the import is rolled back', () => {
    const db = ledgerWithHousehold();
    const before = indexes(db);
    db.exec('BEGIN IMMEDIATE');
    const w = bulkPersonWriter(db, { rebuildIndexes: true });
    w.add(person(1), 'x');
    db.exec('ROLLBACK');
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
    db.close();
  });
});
