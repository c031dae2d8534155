// One more pass at 4× under Chromium's tracing (not counted in the medians: tracing costs time
// of its own): the cold load to a usable login, then one person through the desk to the print
// layout. Each traced span is summarized, not kept.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright';
import { report } from '../util';
import { coldLoad, deskSteps, openDesk, openTab, printLayout, submitLogin, typeLogin } from './journey';
import { printSummary, summarize, TRACE_CATEGORIES, type TraceSummary } from './trace';

/** The raw trace, kept only when CANBAO_BENCH_TRACES names a folder (to open in Perfetto or DevTools). */
function keep(name: string, trace: Buffer): Buffer {
  const dir = process.env.CANBAO_BENCH_TRACES;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `renderer-${name}.trace.json`), trace);
  }
  return trace;
}

export async function tracedPass(browser: Browser, url: string, rate: number, idNumber: string): Promise<Record<string, TraceSummary>> {
  const { context, page } = await openTab(browser, rate);
  try {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const { cold } = await coldLoad(page, url);
    const coldTrace = summarize(keep('cold-load', await browser.stopTracing()));
    await typeLogin(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const signedIn = await submitLogin(page);
    const loginTrace = summarize(keep('login', await browser.stopTracing()));
    await openDesk(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const d = await deskSteps(page, idNumber);
    await printLayout(page);
    const deskTrace = summarize(keep('desk', await browser.stopTracing()));
    const deskMs = d.steps.reduce((s, t) => s + t.end - t.start, 0);
    console.log(`\n  where the time goes at ${rate}× (a traced pass; tracing slows it a little):`);
    printSummary(`cold load (login usable at ${cold.toFixed(0)} ms in this pass)`, coldTrace, report);
    printSummary(`login → 工作台 (${(signedIn.end - signedIn.start).toFixed(0)} ms in this pass)`, loginTrace, report);
    printSummary(`desk: search, 4 Enters (${deskMs.toFixed(0)} ms in this pass) and the print layout`, deskTrace, report);
    return { coldLoad: coldTrace, login: loginTrace, desk: deskTrace };
  } finally {
    await context.close();
  }
}
