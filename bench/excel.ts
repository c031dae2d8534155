// Import and export at scale, each phase in its own process (so peak RSS is its own),
// reported against exceljs's own streaming read and write of the same rows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedger } from '../src-main/ledger/open';
import { report } from './util';
import { writeRosterXlsx } from './synthetic-files';

interface Phase {
  phase: string;
  rows: number;
  ms: number;
  commitMs: number | null;
  peakMb: number;
  maxLoopBlockMs: number | null;
}

function run(phase: string, file: string, extra = ''): Phase {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/excel-phase.ts', phase, file, extra], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Phase;
}

const perSec = (p: Phase) => Math.round(p.rows / (p.ms / 1000)).toLocaleString();

export async function benchExcel(sizes: number[]): Promise<void> {
  for (const n of sizes) {
    console.log(`\n== Excel: ${n.toLocaleString()} rows ==`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-xl-'));
    try {
      const file = path.join(dir, 'roster.xlsx');
      await writeRosterXlsx(file, n);
      report(`roster file: ${(fs.statSync(file).size / 1048576).toFixed(1)} MB, 12 columns, shared strings`);
      const bare = run('exceljs-read', file);
      const ours = run('canbao-read', file);
      // The import is what the targets are about and this machine is noisy: three runs, each
      // into a fresh ledger, the median reported with the spread.
      const imports = [1, 2, 3].map((i) => {
        const ledger = path.join(dir, i === 3 ? 'ledger' : `ledger-${i}`);
        const p = run('canbao-import', file, ledger);
        if (i !== 3) fs.rmSync(ledger, { recursive: true, force: true });
        return p;
      });
      const byTime = [...imports].sort((a, b) => a.ms - b.ms);
      const imp = byTime[1]!;
      const spread = `runs ${imports.map((p) => (p.ms / 1000).toFixed(1)).join(' / ')} s, peaks ${imports.map((p) => p.peakMb.toFixed(0)).join(' / ')} MB, longest loop gaps ${imports.map((p) => p.maxLoopBlockMs?.toFixed(0)).join(' / ')} ms`;
      report(`exceljs streaming read:   ${(bare.ms / 1000).toFixed(1)} s  ${perSec(bare)} rows/s  peak ${bare.peakMb.toFixed(0)} MB`);
      report(
        `canbao read (scanner):    ${(ours.ms / 1000).toFixed(1)} s  ${perSec(ours)} rows/s  peak ${ours.peakMb.toFixed(0)} MB  (${(bare.ms / ours.ms).toFixed(1)}× faster than exceljs)`,
      );
      report(
        `canbao import (read, check, commit), median of 3: ${(imp.ms / 1000).toFixed(1)} s  ${perSec(imp)} rows/s  peak ${imp.peakMb.toFixed(0)} MB  (commit ${((imp.commitMs ?? 0) / 1000).toFixed(1)} s; ratio to exceljs read ${(imp.ms / bare.ms).toFixed(2)}; longest event-loop delay ${imp.maxLoopBlockMs?.toFixed(0)} ms)`,
      );
      report(`  ${spread}`);
      // Export: the not-enrolled list of everyone just imported (nobody is enrolled).
      const db = openLedger(path.join(dir, 'ledger'));
      db.close();
      const exp = run('canbao-export', path.join(dir, 'list.xlsx'), path.join(dir, 'ledger'));
      const bareW = run('exceljs-write', path.join(dir, 'bare.xlsx'), String(n));
      const styledW = run('exceljs-write-styled', path.join(dir, 'styled.xlsx'), String(n));
      report(`exceljs streaming write, no styles:   ${(bareW.ms / 1000).toFixed(1)} s  ${perSec(bareW)} rows/s  peak ${bareW.peakMb.toFixed(0)} MB`);
      report(`exceljs streaming write, same styles: ${(styledW.ms / 1000).toFixed(1)} s  ${perSec(styledW)} rows/s  peak ${styledW.peakMb.toFixed(0)} MB`);
      report(
        `canbao not-enrolled export (query + write): ${(exp.ms / 1000).toFixed(1)} s  ${perSec(exp)} rows/s  peak ${exp.peakMb.toFixed(0)} MB  (ratio ${(exp.ms / styledW.ms).toFixed(2)} to the same-styled write, ${(exp.ms / bareW.ms).toFixed(2)} to the unstyled one)`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
