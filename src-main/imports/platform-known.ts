// A 医保 list or payment detail names persons the 医保 platform knows: kept with the batch, so the
// registration export leaves them out (docs/rules.md "New persons for the platform").
import type { Database } from 'better-sqlite3';
import { findPersonByIdNumber } from '../ledger/roster';
import { isKnown, markKnown } from '../ledger/platform-persons';

export function knownFromFile(db: Database, batchId: number, records: readonly { idNumber: string; personNo?: string | undefined }[]): void {
  const persons = new Map<number, string>();
  for (const r of records) {
    const p = findPersonByIdNumber(db, r.idNumber);
    if (p && !persons.get(p.id)) persons.set(p.id, r.personNo ?? '');
  }
  markKnown(
    db,
    batchId,
    [...persons].map(([personId, personNo]) => ({ personId, personNo })),
  );
}

/** How many of the persons a file names the platform is not yet known to know: a list that only says that is still worth committing. */
export function notYetKnown(db: Database, records: readonly { idNumber: string }[]): number {
  const ids = new Set<number>();
  for (const r of records) {
    const p = findPersonByIdNumber(db, r.idNumber);
    if (p && !isKnown(db, p.id)) ids.add(p.id);
  }
  return ids.size;
}
