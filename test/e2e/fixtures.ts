import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { checkCharacter } from '../../src-main/domain/idnumber';
import type { ApiInput, ApiName, ApiOutput, Result } from '../../src-main/api/contract';

export interface Host {
  url: string;
  dataDir: string;
  restart(): Promise<void>;
}

/** A browser host on a free loopback port (`args` and `env` as a test needs: the LAN's port, a test interface). */
export function startHost(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['out/main/host.js', '--data', dataDir, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 15_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /已启动：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited ${code}:\n${out}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A browser host on a free port with a fresh data folder, per test. */
export const test = base.extend<{ host: Host }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-e2e-'));
    let running = await startHost(dataDir);
    const host: Host = {
      get url() {
        return running.url;
      },
      dataDir,
      async restart() {
        await stop(running.child);
        running = await startHost(dataDir);
      },
    };
    await use(host);
    await stop(running.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Until nothing on the page moves (endless ones, spinners, left out), or 3 s. */
export async function stillness(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join('test', 'artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // Drawers and dropdowns slide in: wait until nothing moves, or the picture shows half of it.
  await stillness(page);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export interface ApiHelper {
  <K extends ApiName>(name: K, data: ApiInput<K>): Promise<ApiOutput<K>>;
  /** Ends the scene's setup: every later call fails the test (what follows is done through the screens). */
  seal(): void;
}

/** The handler map over HTTP with the page's token, typed by the contract, for setting a scene up quickly. */
export async function api(request: APIRequestContext, url: string): Promise<ApiHelper> {
  const token = /name="canbao-token" content="([^"]+)"/.exec(await (await request.get(url)).text())![1]!;
  // A session of its own, as a tab of its own would have.
  const session = crypto.randomBytes(16).toString('hex');
  let sealed = false;
  const call = async <K extends ApiName>(name: K, data: ApiInput<K>): Promise<ApiOutput<K>> => {
    if (sealed) throw new Error(`${name} was called through the API after the setup: a clerk has to be able to do this on screen.`);
    const res = await request.post(`${url}api/${name}`, { data, headers: { 'x-canbao-token': token, 'x-canbao-session': session } });
    const r = (await res.json()) as Result<ApiOutput<K>>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  return Object.assign(call, { seal: () => void (sealed = true) });
}

export const id = (first17: string) => first17 + checkCharacter(first17);

/** Picks an option of an antd Select by its accessible name and the option's text. */
export async function choose(page: Page, select: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: select });
  // A Select near the foot of the window opens its list over the edge: the click on the option
  // then scrolls the page, the list re-aligns under the pointer, and the click lands on nothing
  // (a failed run's trace: the option at y=0 after the scroll, the list still open). In the
  // middle of the window the list opens where it fits, as it does for a clerk.
  await box.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await box.click();
  const list = page.locator('.ant-select-dropdown:visible');
  // The list appears a frame after the click and slides in; wait for both before pointing.
  await expect(list).toHaveCount(1);
  await expect(list).not.toHaveClass(/slide-up-/);
  const item = list.getByTitle(option, { exact: true });
  // A long list renders only the options in view; a searchable one is filtered by typing, as a clerk does.
  if ((await item.count()) === 0) await page.keyboard.type(option);
  await item.click();
  await expect(list).toHaveCount(0);
}

/**
 * 参保登记 for one person up to the payment step, in 一档, on a payment day the clerk types
 * (the host's clock is today's, the seasons tested are past ones).
 */
export async function quoteAtDesk(page: Page, o: { name: string; year?: string; paidOn: string }): Promise<void> {
  await page.getByRole('menuitem', { name: '参保登记' }).click();
  if (o.year) await choose(page, '参保年度', o.year);
  await page.getByLabel('查找参保人').fill(o.name);
  await expect(page.getByText(new RegExp(`^${o.name}，`))).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '下一步（回车）' }).click();
  await page.getByRole('button', { name: /选择一档/ }).click();
  await page.getByLabel('缴费日期').fill(o.paidOn);
  await page.getByLabel('缴费日期').press('Enter');
  await page.getByRole('button', { name: '重新计算', exact: true }).click();
}

/**
 * The screen on show: the screens a clerk has left stay drawn, hidden (App.tsx), so a selector
 * that is not a role (a file input, a table by class) is looked for in the shown one.
 */
export const shownScreen = (page: Page) => page.locator('[data-screen]:visible');

/** The shown screen's file input (antd keeps it hidden behind its button). */
export const fileInput = (page: Page) => shownScreen(page).locator('input[type=file]');
