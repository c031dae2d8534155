import fs from 'node:fs';
import { listScope } from '../src-main/domain/policy/scope';
import os from 'node:os';
import path from 'node:path';
import { verifyAudit } from '../src-main/ledger/audit';
import { LEDGER_FILE, openLedger } from '../src-main/ledger/open';
import { notEnrolled, enrolledByVillage } from '../src-main/ledger/reports';
import { countPersons, searchPersons } from '../src-main/ledger/search';
import type { Policy } from '../src-main/domain/policy/schema';
import { buildLedger } from './build-ledger';
import { median, percentile, report, timed } from './util';

function latency(label: string, queries: string[], run: (q: string) => number): void {
  const times: number[] = [];
  let found = 0;
  for (const q of queries) times.push(timed(() => (found += run(q) > 0 ? 1 : 0)));
  report(
    `${label.padEnd(28)} median ${median(times).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  (${queries.length} queries, ${found} found something)`,
  );
}

export function benchLedger(policy: Policy, n: number): void {
  console.log(`\n== ledger: ${n.toLocaleString()} persons (${policy.id}) ==`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-bench-'));
  try {
    const db = openLedger(dir);
    let built!: ReturnType<typeof buildLedger>;
    const buildMs = timed(() => {
      built = buildLedger(db, policy, n);
    });
    report(
      `build ${built.persons.toLocaleString()} persons: ${(buildMs / 1000).toFixed(1)} s (${Math.round(built.persons / (buildMs / 1000)).toLocaleString()} persons/s, with categories, quotes and enrollments)`,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    report(`database size: ${(fs.statSync(path.join(dir, LEDGER_FILE)).size / 1048576).toFixed(0)} MB`);

    const ids = built.sampleIds.slice(0, 200);
    latency('search: full ID number', ids, (q) => searchPersons(db, q).length);
    latency(
      'search: last 6 ID digits',
      ids.map((q) => q.slice(-6)),
      (q) => searchPersons(db, q).length,
    );
    latency('search: full name', built.sampleNames.slice(0, 200), (q) => searchPersons(db, q).length);
    latency(
      'search: 2-char part of name',
      built.sampleNames.slice(0, 200).map((q) => [...q].slice(-2).join('')),
      (q) => searchPersons(db, q).length,
    );
    latency(
      'search: pinyin initials',
      ['zs', 'wxy', 'lm', 'cjh', 'ywh', 'zl', 'hx', 'lwj', 'zyf', 'gl'].flatMap((q) => Array(20).fill(q) as string[]),
      (q) => searchPersons(db, q).length,
    );

    // The 花名册 counts what it cut: a first letter or a surname is the widest a clerk types.
    latency(
      'count: a letter or surname',
      ['z', 'w', 'l', '王', '张', '李', 'zs', '50023'].flatMap((q) => Array(20).fill(q) as string[]),
      (q) => countPersons(db, q).count,
    );

    const progressTimes = Array.from({ length: 5 }, () => timed(() => enrolledByVillage(db, policy.coverageYear)));
    report(`village progress (all 30 villages): median ${median(progressTimes).toFixed(0)} ms`);
    const listTimes = Array.from({ length: 5 }, () =>
      timed(() => notEnrolled(db, policy.coverageYear, listScope(policy, '2023-11-01'), built.villages[3], 100000, 0)),
    );
    const count = notEnrolled(db, policy.coverageYear, listScope(policy, '2023-11-01'), built.villages[3], 1, 0).total;
    report(`not-enrolled list of one village (${count.toLocaleString()} persons): median ${median(listTimes).toFixed(0)} ms`);
    const auditMs = timed(() => verifyAudit(db));
    report(`audit chain check at start: ${auditMs.toFixed(0)} ms`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
