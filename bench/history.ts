// Issue 17's figures: the lapse count read for a million persons over three years, and the
// 去年参保、今年未参保 list of a 30,000-person township.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { lapseCounts } from '../src-main/domain/policy/lapse';
import type { Policy } from '../src-main/domain/policy/schema';
import { openLedger } from '../src-main/ledger/open';
import { STATE_CODES, rosterYears } from '../src-main/ledger/insurance-years';
import { completeYears } from '../src-main/ledger/known-years';
import { notEnrolled, notEnrolledCounts } from '../src-main/ledger/reports';
import { buildLedger } from './build-ledger';
import { rng } from './synthetic';
import { median, report, timed } from './util';

const YEARS = [2024, 2023, 2022];

/** The lapse count over every person of a roster's years: the lapsed-years distribution. */
function readAll(r: ReturnType<typeof rosterYears>, coverageYear: number): Map<string, number> {
  const k = r.years.length;
  const slot = new Map(r.years.map((y, j) => [y, j]));
  const counts = new Map<string, number>();
  for (let i = 0; i < r.personIds.length; i++) {
    const h = lapseCounts(coverageYear, r.firstYears[i]!, (year) => {
      const j = slot.get(year);
      return j === undefined ? 'unknown' : STATE_CODES[r.states[i * k + j]!]!;
    });
    const key = h.unknown ? '不明' : h.lapsedYears ? `断保${h.lapsedYears}${h.lapsedAtLeast ? '+' : ''}` : '连续';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** 医保's history for 2023 and 2022 for most of the roster, as an imported status list leaves it. */
function importHistory(db: Database): void {
  const r = rng(11);
  const put = db.prepare(
    `INSERT INTO insurance_history (person_id, coverage_year, scheme, insured, source, set_at) VALUES (?, ?, 'resident', ?, '医保参保状态.xlsx', '2024-09-01')`,
  );
  const ids = db.prepare('SELECT id FROM persons').pluck().all() as number[];
  db.transaction(() => {
    for (const id of ids) {
      if (r() < 0.8) put.run(id, 2023, r() < 0.85 ? 1 : 0);
      if (r() < 0.6) put.run(id, 2022, r() < 0.85 ? 1 : 0);
    }
  })();
  db.prepare("INSERT INTO known_years (coverage_year, persons, known_by, known_at) VALUES (2024, 0, 'bench', '2024-09-01')").run();
}

export function benchHistory(policy2024: Policy, persons: number, township: number): void {
  console.log(`\n== history: the lapse count for ${persons.toLocaleString()} persons over ${YEARS.length} years (${policy2024.id} → next year) ==`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-bench-history-'));
  try {
    const db = openLedger(dir);
    const buildMs = timed(() => buildLedger(db, policy2024, persons));
    importHistory(db);
    db.exec('ANALYZE');
    report(`built in ${(buildMs / 1000).toFixed(0)} s (70% enrolled for 2024 through canbao; 医保 history for 2023/2022; 2024 marked complete)`);
    const complete = completeYears(db);
    const read: number[] = [];
    const derive: number[] = [];
    let counts = new Map<string, number>();
    for (let run = 0; run < 3; run++) {
      let r!: ReturnType<typeof rosterYears>;
      read.push(timed(() => (r = rosterYears(db, YEARS, complete))));
      derive.push(timed(() => (counts = readAll(r, 2025))));
    }
    const total = read.map((x, i) => x + derive[i]!);
    report(
      `read years ${(median(read) / 1000).toFixed(2)} s + derive ${(median(derive) / 1000).toFixed(2)} s = median ${(median(total) / 1000).toFixed(2)} s (target < 5 s; ${(5000 / median(total)).toFixed(1)}× under)`,
    );
    report(`2025 readings: ${[...counts].map(([k, v]) => `${k} ${v.toLocaleString()}`).join('，')}`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\n== 去年参保、今年未参保: a ${township.toLocaleString()}-person township ==`);
  const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-bench-lists-'));
  try {
    const db = openLedger(dir2);
    const built = buildLedger(db, policy2024, township);
    db.prepare("INSERT INTO office_policies (coverage_year, policy_id) VALUES (2025, 'cq-youyang-2025')").run();
    db.exec('ANALYZE');
    // cq-youyang-2025's own scope: the lists keep to what the year's notice covers.
    const scope = { residences: ['local_hukou', 'permit'], outOfScope: ['disabled_veteran_1_6'], on: '2024-11-01' };
    const whole = Array.from({ length: 7 }, () => timed(() => notEnrolled(db, 2025, scope, undefined, 100000, 0, 'insured')));
    const found = notEnrolled(db, 2025, scope, undefined, 1, 0, 'insured').total;
    report(`whole township list (${found.toLocaleString()} persons): median ${median(whole).toFixed(0)} ms (target < 200 ms)`);
    const village = Array.from({ length: 7 }, () => timed(() => notEnrolled(db, 2025, scope, built.villages[3], 100000, 0, 'insured')));
    report(`one village's list: median ${median(village).toFixed(1)} ms`);
    const tiles = Array.from({ length: 7 }, () => timed(() => notEnrolledCounts(db, 2025, scope)));
    report(`工作台 tiles (not enrolled, of which insured last year): median ${median(tiles).toFixed(0)} ms`);
    db.close();
  } finally {
    fs.rmSync(dir2, { recursive: true, force: true });
  }
}
