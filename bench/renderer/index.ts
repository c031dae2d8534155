// `npm run bench -- --only renderer`: how fast the screens are for a clerk on an old PC. The
// browser host in Chromium with its CPU slowed by CDP (1×, 4×, 6×), a 5,000-person township, a
// logged-in clerk; every figure from the key or click, timed in the page, to the next painted
// frame; medians of 3 runs (1 with --quick), the runs of each rate interleaved so the machine's
// other load falls on all alike. Then one traced pass at 4× says where the time goes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import type { Policy } from '../../src-main/domain/policy/schema';
import { host } from '../host';
import { median, report } from '../util';
import { seedOffice } from './seed';
import { journey, warmUp, type Run } from './journey';
import { FIGURES, printColdParts, printTable } from './figures';
import { tracedPass } from './traced';

const RATES = [1, 4, 6];

export async function benchRenderer(policy: Policy, persons: number, quick: boolean): Promise<void> {
  const runs = quick ? 1 : 3;
  console.log(
    `\n== renderer: ${persons.toLocaleString()} persons, CPU ×${RATES.join('/×')}, ${runs === 1 ? '1 run' : `medians of ${runs}`} (--only renderer) ==`,
  );
  // The figures are this checkout's: out/ is built afresh rather than trusted (5 s).
  report('building the app (npx electron-vite build) …');
  const built = spawnSync('npx', ['electron-vite', 'build'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}${built.stderr}`);
  const load = () => os.loadavg()[0]!.toFixed(1);
  report(`machine: ${os.cpus().length} cores, load average ${load()} at the start (other work on it slows every figure)`);

  const office = await seedOffice(policy, persons, runs * RATES.length + 1);
  const h = await host(office.dataDir);
  const executablePath = process.env.CANBAO_CHROMIUM ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  report(`Chromium ${browser.version()}, viewport 1366×768, ${office.persons.toLocaleString()} persons, the page's clock on the desk's day`);
  const t0 = performance.now();
  const results = new Map<number, Run[]>(RATES.map((r) => [r, []]));
  try {
    await warmUp(browser, h.url);
    let person = 0;
    for (let i = 0; i < runs; i++) {
      for (const rate of RATES) {
        const typed = office.sampleIds[(i * RATES.length + rate) % office.sampleIds.length]!.slice(0, 8);
        // The PDF is the slowest part of a run: once per rate, and not with --quick.
        const run = await journey(browser, h.url, rate, { idNumber: office.enrollable[person++]!, typed, pdf: !quick && i === 0 });
        results.get(rate)!.push(run);
        report(`run ${i + 1} at ${rate}×: done (${((performance.now() - t0) / 1000).toFixed(0)} s in)`);
      }
    }
    const traces = await tracedPass(browser, h.url, 4, office.enrollable[person]!);

    const table = FIGURES.map((f) => {
      const by = RATES.map((r) =>
        results
          .get(r)!
          .map(f.pick)
          .filter((x): x is number => x !== null),
      );
      const medians = by.map((xs) => (xs.length ? median(xs) : null));
      return { ...f, runs: by, medians };
    });
    printTable(table, RATES, results.get(4)!);
    for (const rate of RATES) printColdParts(results.get(rate)!, rate);
    report(`load average ${load()} at the end; ${((performance.now() - t0) / 1000).toFixed(0)} s of runs`);
    const out = path.join('bench', 'results', `renderer-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          persons: office.persons,
          runs,
          rates: RATES,
          chromium: browser.version(),
          figures: table.map((f) => ({ figure: f.label, target4x: f.target ?? null, runs: f.runs, medians: f.medians })),
          traces,
          raw: Object.fromEntries(results),
        },
        null,
        1,
      ),
    );
    report(`all runs and the trace summaries: ${out}`);
  } finally {
    await browser.close();
    h.stop();
    fs.rmSync(office.dataDir, { recursive: true, force: true });
  }
}
