// A roster import waits between its dry run and its commit in a scratch SQLite file of its
// own (imports/<token>.sqlite, see ledger/staging.ts): here, where those files live, the rows
// staged with the village each names, and what the dry run tells the clerk of the changes.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { NOT_ENROLLED_REASONS } from '../domain/codes';
import type { RosterRecord } from '../domain/import/rows';
import type { RowProblem } from '../excel/importing';
import { villageMatcher } from './roster';
import type { StaleRow } from '../ledger/changes-since';
import { stagedChangeRows, stagingWriter } from '../ledger/staging';

export const stagingDir = (dataDir: string) => path.join(dataDir, 'imports');
export const stagingFile = (dataDir: string, token: string) => path.join(stagingDir(dataDir), `${token}.sqlite`);

/** Left over from a run that ended before its commit: no one can commit them any more. */
export function clearStaging(dataDir: string): void {
  fs.rmSync(stagingDir(dataDir), { recursive: true, force: true });
}

/**
 * Writes each record or problem into the attached staging file as the file is read, with the
 * village the row names. `finish` writes what is still buffered and the search pieces of the names.
 */
export function rosterStager(db: Database) {
  const village = villageMatcher(db);
  const staging = stagingWriter(db);
  return {
    record(r: RosterRecord): void {
      staging.record(r, village(r.village) ?? null);
    },
    problem(p: RowProblem): void {
      staging.problem(p);
    },
    finish(step: () => void): void {
      staging.finish(step);
    },
  };
}

/** The first persons a roster changes, with what changes in the clerk's words (the dry run's diff). */
export function stagedChanges(db: Database, reasonYear: number, limit = 500): { row: number; name: string; idNumber: string; what: string[] }[] {
  return stagedChangeRows(db, reasonYear, limit).flatMap((r) => {
    const what: string[] = [];
    if (r.action === 'update') {
      if (r.village !== r.wasVillage) what.push(`村（社区）：${r.wasVillage ?? ''} → ${r.village}`);
      if (r.household !== r.wasHousehold) what.push(`户号：${r.wasHousehold ?? ''} → ${r.household}`);
      if (r.relation && r.relation !== r.wasRelation) what.push(`与户主关系：${r.wasRelation || '（空）'} → ${r.relation}`);
      if (r.phone && r.phone !== r.wasPhone) what.push(`联系电话：${r.wasPhone || '（空）'} → ${r.phone}`);
    }
    if (r.leftReason && !r.hasReason)
      what.push(
        `不在籍：${reasonYear} 年度未参保原因记为“${NOT_ENROLLED_REASONS[r.leftReason as Exclude<RosterRecord['leftReason'], ''>]}”${r.action === 'add' ? '（新增人员）' : ''}`,
      );
    return what.length ? [{ row: r.row, name: r.name, idNumber: r.idNumber, what }] : [];
  });
}

/** The rows whose person came, went or changed since the dry run began (its promise broken). */
export class StaleRows extends Error {
  constructor(readonly rows: StaleRow[]) {
    super(`${rows.length} staged rows changed since the dry run`);
  }
}
