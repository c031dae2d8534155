// The office the clerk works in: a synthetic township of N persons on 农坝镇's 2024 policy, an
// administrator and a clerk, and persons the desk can enrol on the bench's day (one per run,
// since each run saves a payment).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch, handlers } from '../../src-main/api/index';
import type { Policy } from '../../src-main/domain/policy/schema';
import { openLedger } from '../../src-main/ledger/open';
import { startCore } from '../../src-main/app';
import { buildLedger } from '../build-ledger';

/**
 * The day the page believes it is. The bundled policies are past seasons and the host's clock is
 * today's, so the page's Date is moved into 农坝镇's 2024 window (from 2023-10-24): the desk's
 * payment day, 工作台's window and the quotes are those of a clerk mid-season.
 */
export const DESK_DAY = '2023-11-15';
export const CLERK = { username: 'clerk1', password: 'secret2' };

export interface Office {
  dataDir: string;
  persons: number;
  /** Persons not yet enrolled whom the desk quotes eligible in 一档 without a question on saving. */
  enrollable: string[];
  /** ID numbers of enrolled and unenrolled persons alike, for typing in 花名册. */
  sampleIds: string[];
}

export async function seedOffice(policy: Policy, persons: number, want: number): Promise<Office> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-bench-renderer-'));
  const db = openLedger(dataDir);
  const built = buildLedger(db, policy, persons);
  db.close();

  const { ctx, stop } = await startCore(dataDir);
  try {
    const call = async (name: string, arg: unknown) => {
      const r = await dispatch(handlers, ctx, name, arg, 'tab:admin');
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };
    await call('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    await call('users.create', { username: CLERK.username, displayName: '经办', role: 'clerk', password: CLERK.password });
    await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const unenrolled = ctx.db
      .prepare(
        `SELECT id, id_number FROM persons p WHERE NOT EXISTS
           (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.coverage_year = ?) ORDER BY id LIMIT 400`,
      )
      .all(policy.coverageYear) as { id: number; id_number: string }[];
    const enrollable: string[] = [];
    for (const p of unenrolled) {
      if (enrollable.length >= want) break;
      const q = (await call('enroll.quote', { personId: p.id, coverageYear: policy.coverageYear, tier: 1, paidOn: DESK_DAY })) as {
        eligible: boolean;
        benefitStart?: string;
        benefitEnd?: string;
      };
      // A benefit period that starts after the year ends asks the clerk before saving: not a keystroke's work.
      if (q.eligible && q.benefitStart && q.benefitEnd && q.benefitStart <= q.benefitEnd) enrollable.push(p.id_number);
    }
    if (enrollable.length < want) throw new Error(`only ${enrollable.length} persons the desk can enrol, ${want} wanted`);
    return { dataDir, persons: built.persons, enrollable, sampleIds: built.sampleIds };
  } finally {
    stop();
  }
}
