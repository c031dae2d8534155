// One measured phase in its own process, so its peak memory is its own (VmHWM).
// Usage: node --import tsx bench/excel-phase.ts <phase> <file> [dataDir]
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { readTable } from '../src-main/excel/table';
import { startCore } from '../src-main/app';
import { dispatch, handlers } from '../src-main/api/index';
import { seedVillages } from './synthetic-files';

const [phase, file, dataDir] = process.argv.slice(2) as [string, string, string | undefined];
const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
// Two views of a blocked loop: libuv's own histogram, and the longest gap between the ticks of
// a 5 ms interval (what a clerk's progress bar would feel). The larger is reported.
const loop = monitorEventLoopDelay({ resolution: 10 });
let lastTick = 0;
let worstGap = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
const gaps = {
  enable() {
    lastTick = performance.now();
    ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - lastTick);
      lastTick = now;
    }, 5);
  },
  disable() {
    clearInterval(ticker);
    worstGap = Math.max(worstGap, performance.now() - lastTick);
  },
};
let rows = 0;
let commitMs: number | null = null;
let t0 = performance.now();

if (phase === 'exceljs-read') {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const ws of reader) for await (const _row of ws) rows++;
} else if (phase === 'canbao-read') {
  await readTable(file, () => void rows++);
} else if (phase === 'canbao-import' || phase === 'canbao-export') {
  const { ctx, stop } = await startCore(dataDir!);
  if (phase === 'canbao-import') seedVillages(ctx.db);
  // Opening (policies, audit check, daily backup) is not what is measured.
  t0 = performance.now();
  loop.enable();
  gaps.enable();
  const call = async (name: string, arg: unknown) => {
    const r = await dispatch(handlers, ctx, name, arg);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Record<string, unknown>;
  };
  if (phase === 'canbao-import') {
    const p = await call('import.preview', { kind: 'roster', file });
    rows = p.rows as number;
    const tc = performance.now();
    await call('import.commit', { token: p.token });
    commitMs = performance.now() - tc;
  } else {
    rows = ((await call('export.write', { kind: 'notEnrolled', coverageYear: 2024, file })) as { rows: number }).rows;
  }
  loop.disable();
  gaps.disable();
  stop();
} else if (phase === 'exceljs-write' || phase === 'exceljs-write-styled') {
  const { writeBareRows } = await import('./synthetic-files');
  rows = await writeBareRows(file, Number(dataDir), phase === 'exceljs-write-styled');
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ phase, rows, ms, commitMs, peakMb: peakMb(), maxLoopBlockMs: loop.count ? Math.max(loop.max / 1e6, worstGap) : null }));
