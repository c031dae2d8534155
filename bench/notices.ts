// A township's household notices in one print preview: 1,500 households generated on the 打印
// screen of the browser host (Chromium), from the click to the last notice on the page, against
// the handler map alone answering the same pages in-process. Medians of three. Needs the built
// app (npx electron-vite build) and Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { startCore } from '../src-main/app';
import { dispatch, handlers } from '../src-main/api/index';
import type { Policy } from '../src-main/domain/policy/schema';
import { openLedger } from '../src-main/ledger/open';
import { buildLedger } from './build-ledger';
import { host } from './host';
import { median, report } from './util';

export async function benchNotices(policy: Policy, persons: number): Promise<void> {
  if (!fs.existsSync('out/main/host.js')) return report('skipped: build the app first (npx electron-vite build)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-notices-'));
  try {
    const db = openLedger(dir);
    buildLedger(db, policy, persons);
    const households = db.prepare('SELECT count(*) FROM households').pluck().get() as number;
    db.close();
    console.log(`\n== household notices: ${households.toLocaleString()} households, ${persons.toLocaleString()} persons (${policy.id}) ==`);

    const { ctx, stop } = await startCore(dir);
    const api: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      for (let offset = 0; offset < households; offset += 100) {
        const r = await dispatch(handlers, ctx, 'print.householdNotices', { coverageYear: policy.coverageYear, offset, limit: 100, on: '2023-11-02' });
        if (!r.ok) throw new Error(r.error.message);
      }
      api.push(performance.now() - t);
    }
    stop();

    const h = await host(dir);
    const browser = await chromium.launch({ executablePath: process.env.CANBAO_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    const screen: number[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(h.url);
      await page.getByRole('menuitem', { name: '打印' }).click();
      await page.getByRole('combobox', { name: '打印内容' }).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('缴费通知单（整村或全乡镇批量）', { exact: true }).click();
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await page.getByRole('button', { name: '生成通知单' }).click();
        await page.getByRole('button', { name: `打印 ${households} 户` }).waitFor({ timeout: 120_000 });
        await page
          .locator('[data-testid=batch-notices] [data-testid=household-notice]')
          .nth(households - 1)
          .waitFor();
        screen.push(performance.now() - t);
      }
    } finally {
      await browser.close();
      h.stop();
    }
    report(`handler map, pages of 100: median ${(median(api) / 1000).toFixed(2)} s`);
    report(
      `print preview in Chromium (fetch + render): median ${(median(screen) / 1000).toFixed(2)} s (target < 10 s), ${(median(screen) / median(api)).toFixed(2)}× the handler map alone`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
