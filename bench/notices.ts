// A whole township's household notices printed as the clerk prints them: one print job after
// another (a village each, at most 500 households), two to an A4, on the 打印 screen of the
// browser host in Chromium. For each job, the time from the click on 生成通知单 to the print
// dialog (window.print, stubbed and timed), and the page's peak heap and DOM nodes over all jobs;
// against the handler map alone answering the same pages in-process. Needs the built app
// (npx electron-vite build) and Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { startCore } from '../src-main/app';
import { dispatch, handlers } from '../src-main/api/index';
import type { Policy } from '../src-main/domain/policy/schema';
import type { NoticeJob } from '../src-main/types/print';
import { openLedger } from '../src-main/ledger/open';
import { buildLedger } from './build-ledger';
import { host } from './host';
import { median, report } from './util';

/** Mid-season on 农坝's 2024 policy: most households still have someone to pay. */
const DAY = '2023-11-15';

export async function benchNotices(policy: Policy, persons: number): Promise<void> {
  if (!fs.existsSync('out/main/host.js')) return report('skipped: build the app first (npx electron-vite build)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-notices-'));
  try {
    const db = openLedger(dir);
    buildLedger(db, policy, persons);
    const households = db.prepare('SELECT count(*) FROM households').pluck().get() as number;
    db.close();
    console.log(
      `\n== household notices: ${households.toLocaleString()} households, ${persons.toLocaleString()} persons (${policy.id}), print jobs two to an A4 ==`,
    );

    const { ctx, stop } = await startCore(dir);
    const call = async <T>(name: string, arg: unknown): Promise<T> => {
      const r = await dispatch(handlers, ctx, name, arg);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const jobs = await call<NoticeJob[]>('print.noticeJobs', {});
    const api: number[] = [];
    for (const job of jobs) {
      const t = performance.now();
      for (let done = 0; done < job.count; done += 100)
        await call('print.householdNotices', {
          coverageYear: policy.coverageYear,
          villageId: job.villageId,
          offset: job.offset + done,
          limit: Math.min(100, job.count - done),
          on: DAY,
          owing: true,
        });
      api.push(performance.now() - t);
    }
    stop();
    report(`${jobs.length} jobs of ${Math.min(...jobs.map((j) => j.count))}–${Math.max(...jobs.map((j) => j.count))} households`);

    const h = await host(dir);
    const browser = await chromium.launch({ executablePath: process.env.CANBAO_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    const perJob: number[] = [];
    let peakHeap = 0;
    let peakNodes = 0;
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // The print dialog is the end of a job: its call is timed instead of opening.
      await context.addInitScript({ content: 'window.print = () => { window.__printedAt = performance.now(); };' });
      const page = await context.newPage();
      await page.clock.install({ time: new Date(`${DAY}T10:00:00+08:00`) });
      await page.clock.resume();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(h.url);
      await page.getByRole('menuitem', { name: '打印' }).click();
      const choose = async (label: string, option: string) => {
        await page.getByRole('combobox', { name: label }).click();
        await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
      };
      await choose('打印内容', '缴费通知单（整村或全乡镇批量）');
      await choose('每页户数', '每张 A4 两户（中间裁切线）');
      for (let i = 0; i < jobs.length; i++) {
        const t = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: `生成通知单（第 ${i + 1} 批）` }).click();
        const print = page.getByRole('button', { name: /^打印 \d+ 户/ });
        await print.waitFor({ timeout: 120_000 });
        await print.click();
        if (i + 1 < jobs.length) await page.getByRole('button', { name: `下一批（第 ${i + 2} 批）` }).click();
        const at = await page.evaluate(() => (globalThis as unknown as { __printedAt: number }).__printedAt);
        perJob.push(at - t);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
        peakHeap = Math.max(peakHeap, metric('JSHeapUsedSize'));
        peakNodes = Math.max(peakNodes, metric('Nodes'));
      }
    } finally {
      await browser.close();
      h.stop();
    }
    report(`handler map, a job's pages of 100: median ${(median(api) / 1000).toFixed(2)} s, slowest ${(Math.max(...api) / 1000).toFixed(2)} s`);
    report(
      `click on 生成通知单 → print dialog, per job: median ${(median(perJob) / 1000).toFixed(2)} s, slowest ${(Math.max(...perJob) / 1000).toFixed(2)} s (target < 10 s); ` +
        `all ${jobs.length} jobs ${(perJob.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s; ${(median(perJob) / median(api)).toFixed(2)}× the handler map alone`,
    );
    report(`page at its peak over the jobs: JS heap ${(peakHeap / 1e6).toFixed(0)} MB, ${Math.round(peakNodes).toLocaleString()} DOM nodes`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
