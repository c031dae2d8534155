// One clerk's morning, timed: a cold load to the login, 工作台 after the login, every screen of
// the side menu twice (first visit, then repeat), one person through the desk by keyboard, the
// receipt laid out for paper, and keys typed into 花名册's search. A fresh browser context each
// time, so the cold load has an empty cache and the first visits are first.
import type { Browser, BrowserContext, Page } from 'playwright';
import { CLERK, DESK_DAY } from './seed';
import { installProbe, type BenchWindow, type PrintTiming, type Timing, type Watch } from './probe';

export const SCREENS = ['工作台', '参保登记', '花名册', '进度', '导入导出', '打印', '政策', '设置'] as const;
export const DESK_STEPS = ['选择人员 → 核对信息', '核对信息 → 选择档次', '选择档次 → 缴费', '缴费 → 完成'] as const;

// Long enough for the searches' 120 ms debounce and a chained call; the figure itself ends at the
// paint after the last change, so the wait is not in it.
const QUIET = 400;
const SPIN = ['.ant-spin-spinning'];
const title = (screen: string) => ({ sel: '.ant-layout-content h3.ant-typography', eq: screen });

/** Each screen is shown when its title is, nothing spins, its calls are answered and it has stopped changing. */
const SCREEN_READY: Record<string, Watch['all']> = {
  工作台: [title('工作台'), { sel: '[data-testid=tiles] .ant-statistic-content-value', not: '—' }],
  参保登记: [title('参保登记'), { sel: 'input[aria-label=查找参保人]' }],
  花名册: [title('花名册'), { sel: 'input[aria-label=搜索人员]' }],
  进度: [title('进度'), { sel: '[data-testid=total-progress]' }],
};
const screenWatch = (s: string): Watch => ({ all: SCREEN_READY[s] ?? [title(s)], none: SPIN, quietMs: QUIET, from: 'input' });

/** Usable: the password field rendered, enabled, in a painted frame (the username field has the focus already). */
const LOGIN_READY: Watch = { all: [{ sel: 'input[aria-label=密码]' }, { sel: 'button[type=submit]' }], quietMs: 0, from: 'navigation' };

export interface Run {
  cold: number;
  /** Navigation timing of the cold load, for the trace's story. */
  coldParts: Record<string, number>;
  login: Timing;
  first: Record<string, Timing>;
  repeat: Record<string, Timing>;
  deskSearch: Timing;
  desk: Timing[];
  print: PrintLayout;
  /** Only when asked for: the slowest part of a run. */
  pdfMs: number | null;
  keys: Timing[];
}

export interface Tab {
  context: BrowserContext;
  page: Page;
}

export async function openTab(browser: Browser, rate: number): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // tsx names inner functions through a helper of its own; the page needs one too.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript(installProbe, { deskNow: Date.parse(`${DESK_DAY}T10:00:00+08:00`), cold: LOGIN_READY });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

export async function measure(page: Page, w: Watch, act: () => Promise<unknown>): Promise<Timing> {
  await page.evaluate((x) => (globalThis as unknown as BenchWindow).__bench.arm(x), w);
  await act();
  return page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.done!);
}

/** Waits until the page has answered its calls and stopped changing. */
const settle = (page: Page) => measure(page, { all: [], quietMs: QUIET, from: 'now' }, async () => undefined);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function coldLoad(page: Page, url: string): Promise<{ cold: number; coldParts: Record<string, number> }> {
  await page.goto(url);
  const t = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.done!);
  const coldParts = await page.evaluate(() => {
    const perf = performance as unknown as { getEntriesByType(t: string): { name: string; responseEnd: number; [k: string]: unknown }[] };
    const nav = perf.getEntriesByType('navigation')[0]!;
    const js = perf.getEntriesByType('resource').find((r) => r.name.endsWith('.js'));
    return { html: nav.responseEnd, script: js?.responseEnd ?? 0, domContentLoaded: nav.domContentLoadedEventEnd as number };
  });
  return { cold: t.end, coldParts };
}

/**
 * Typed as a clerk types, 8 keys a second (the app loads its screens behind the login meanwhile,
 * as it does for a clerk); the figure runs from the Enter.
 */
export async function typeLogin(page: Page): Promise<void> {
  await page.getByLabel('用户名').pressSequentially(CLERK.username, { delay: 125 });
  await page.getByLabel('密码').pressSequentially(CLERK.password, { delay: 125 });
}

export const submitLogin = (page: Page): Promise<Timing> => measure(page, screenWatch('工作台'), () => page.getByLabel('密码').press('Enter'));

export async function login(page: Page): Promise<Timing> {
  await typeLogin(page);
  return submitLogin(page);
}

const menu = (page: Page, s: string) => page.getByRole('menuitem', { name: s }).click();

export async function openDesk(page: Page): Promise<void> {
  await menu(page, '参保登记');
  await settle(page);
}

/**
 * One person through the desk by keyboard: the ID number put in at once (pasted, or an ID card
 * reader's burst; typed key by key, a prefix finds the person before the last key), then Enter
 * at each step from the page (the focus is on no control).
 */
export async function deskSteps(page: Page, idNumber: string): Promise<{ search: Timing; steps: Timing[] }> {
  const enter = (all: Watch['all']) => measure(page, { all, none: SPIN, quietMs: QUIET, from: 'input' }, () => page.keyboard.press('Enter'));
  const search = await measure(page, { all: [{ sel: '[data-chosen]', text: idNumber }], quietMs: QUIET, from: 'input' }, () =>
    page.keyboard.insertText(idNumber),
  );
  const steps = [
    await enter([
      { sel: '.ant-card-head-title', text: idNumber },
      { sel: 'button', text: '下一步（回车）' },
    ]),
    await enter([{ sel: '[data-testid=tier-1]', text: '个人缴费' }]),
    await enter([{ sel: '.ant-result-title', text: '个人缴费' }]),
    await enter([
      { sel: '[data-testid=receipt]', text: idNumber.slice(-4) },
      { sel: 'button', text: '打印凭证' },
    ]),
  ];
  return { search, steps };
}

export interface PrintLayout extends PrintTiming {
  /** When node sent the switch to print media, on the page's clock (both clocks are the system's). */
  switched: number;
}

/**
 * Enter on 打印凭证: the app's part up to window.print, then the receipt laid out in print media
 * from the moment node switches the media to the next painted frame. Chromium restyles inside
 * the switch's own task, before the page hears of it, so the switch is timed from node's side;
 * the few ms between the print call and node's switch are CDP's and not counted.
 */
export async function printLayout(page: Page): Promise<PrintLayout> {
  await page.getByRole('button', { name: '打印凭证' }).focus();
  await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.armPrint());
  await page.keyboard.press('Enter');
  const sent = performance.timeOrigin + performance.now();
  await page.emulateMedia({ media: 'print' });
  const t = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.print!);
  await page.emulateMedia({ media: null });
  if (!t.printCalled) throw new Error('Enter on 打印凭证 did not call window.print');
  return { ...t, switched: sent - t.origin };
}

/** What Chromium's print preview does with the page: paginated layout and paint to PDF (node's clock). */
export async function printPdf(page: Page): Promise<number> {
  const t = performance.now();
  await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return performance.now() - t;
}

/**
 * Keys typed into 花名册's search at a clerk's pace, each to the frame that shows it typed. An ID
 * number's first digits: every prefix finds 50 persons, so the table behind the box is full.
 */
export async function rosterKeys(page: Page, typed: string): Promise<Timing[]> {
  await menu(page, '花名册');
  await settle(page);
  const out: Timing[] = [];
  for (let i = 1; i <= typed.length; i++) {
    const w: Watch = { all: [{ sel: 'input[aria-label=搜索人员]', value: typed.slice(0, i) }], quietMs: 0, from: 'input' };
    out.push(await measure(page, w, () => page.keyboard.press(typed[i - 1]!)));
    // The debounced search (120 ms) answers between keys, as it does for a clerk.
    await sleep(200);
  }
  return out;
}

export interface Plan {
  idNumber: string;
  typed: string;
  pdf: boolean;
}

export async function journey(browser: Browser, url: string, rate: number, plan: Plan): Promise<Run> {
  const { context, page } = await openTab(browser, rate);
  try {
    const { cold, coldParts } = await coldLoad(page, url);
    const signedIn = await login(page);
    const first: Record<string, Timing> = {};
    const repeat: Record<string, Timing> = {};
    // 工作台's first visit is the login's; the menu visits each other screen once, then all again.
    for (const s of SCREENS.slice(1)) first[s] = await measure(page, screenWatch(s), () => menu(page, s));
    for (const s of SCREENS) repeat[s] = await measure(page, screenWatch(s), () => menu(page, s));
    await openDesk(page);
    const d = await deskSteps(page, plan.idNumber);
    const print = await printLayout(page);
    const pdfMs = plan.pdf ? await printPdf(page) : null;
    const keys = await rosterKeys(page, plan.typed);
    return { cold, coldParts, login: signedIn, first, repeat, deskSearch: d.search, desk: d.steps, print, pdfMs, keys };
  } finally {
    await context.close();
  }
}

/** Before the runs: the host's caches and JIT warmed by one pass at full speed, nothing recorded. */
export async function warmUp(browser: Browser, url: string): Promise<void> {
  const { context, page } = await openTab(browser, 1);
  try {
    await coldLoad(page, url);
    await login(page);
    for (const s of SCREENS) await measure(page, screenWatch(s), () => menu(page, s));
  } finally {
    await context.close();
  }
}
