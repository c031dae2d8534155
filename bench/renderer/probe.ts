// The half of the renderer bench that runs in the page, installed as an init script before the
// app's own: it timestamps the clerk's key or click in the capture phase, counts the app's API
// calls, stubs window.print, moves Date to the desk's day, and answers "when was the frame
// painted that showed X". All times are the page's performance.now(), so the clock of the
// measured thread is the clock of the figure; node's only part is to press and wait.
//
// bench/ compiles without the DOM library (tsconfig.node.json), so this module names the few
// browser globals it uses itself; the declarations are module-scoped and leak nowhere.

interface El {
  textContent: string | null;
  value?: string;
  disabled?: boolean;
  className?: unknown;
  getClientRects(): { length: number };
}
interface Rec {
  target: El;
  addedNodes: ArrayLike<El>;
  removedNodes: ArrayLike<El>;
}
declare const window: Record<string, unknown> & { print: () => void; fetch: (...a: unknown[]) => Promise<Resp> };
declare const document: { querySelectorAll(sel: string): ArrayLike<El>; body: { innerText: string } | null };
declare const performance: {
  now(): number;
  timeOrigin: number;
  setResourceTimingBufferSize(n: number): void;
  getEntriesByType(t: 'resource'): { name: string; startTime: number; requestStart: number; responseEnd: number }[];
};
declare function addEventListener(type: string, cb: (e: { timeStamp: number }) => void, o: { capture: boolean }): void;
declare function requestAnimationFrame(cb: () => void): number;
declare function matchMedia(q: string): { addEventListener(t: 'change', cb: (e: { matches: boolean }) => void): void };
declare const MutationObserver: new (cb: (recs: Rec[]) => void) => { observe(n: unknown, o: object): void; disconnect(): void };
declare const MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(m: unknown): void } };
interface Resp {
  json(): Promise<unknown>;
}

/** An element that must be rendered (matched, laid out) with this text or input value. */
export interface Cond {
  sel: string;
  text?: string;
  eq?: string;
  not?: string;
  value?: string;
}

export interface Watch {
  all: Cond[];
  /** Selectors that must match nothing (spinners). */
  none?: string[];
  /**
   * 0: the figure ends at the first painted frame where `all` holds (a keystroke's echo). Otherwise
   * it ends at the paint after the last change to the page, once `all` holds, no API call is open,
   * and nothing has changed for this long: the screen as the clerk finally sees it.
   */
  quietMs: number;
  /** From the next keydown, mousedown or beforeinput, from the document's time origin, or from now (a wait, not a figure). */
  from: 'input' | 'navigation' | 'now';
}

export interface Timing {
  start: number;
  /** The paint of the first frame where `all` held. */
  first: number;
  /** The paint after the last change (= first when quietMs is 0). */
  end: number;
  calls: number;
  changes: number;
  /**
   * Of start → end, how long at least one API request was out at the host: request sent to
   * response received, by the network stack's clock (Resource Timing), so a busy page thread
   * that reads the answer late does not count as the host's.
   */
  hostMs: number;
  /** Each API request in it: its name, when it was sent (from start) and how long the host took, in ms. */
  requests: [string, number, number][];
}

export interface PrintTiming {
  key: number;
  printCalled: number;
  /** The media query's change event: Chromium has already restyled for print when it fires. */
  mediaEvent: number;
  painted: number;
  /** performance.timeOrigin, to put node's moment of switching on the page's clock. */
  origin: number;
}

export interface Bench {
  arm(w: Watch): void;
  done: Promise<Timing> | null;
  armPrint(): void;
  print: Promise<PrintTiming> | null;
  printedAt: number[];
}
export type BenchWindow = { __bench: Bench };

export function installProbe(o: { deskNow: number; cold: Watch | null }): void {
  // The page's Date on the desk's day, time still running; performance.now and frames untouched.
  const RealDate = Date;
  const shift = o.deskNow - RealDate.now();
  function ShiftedDate(this: unknown, ...a: unknown[]): unknown {
    const d = a.length ? new (RealDate as unknown as new (...x: unknown[]) => Date)(...a) : new RealDate(RealDate.now() + shift);
    // Called without new, Date gives today's string whatever it is passed.
    return new.target ? d : new RealDate(RealDate.now() + shift).toString();
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + shift;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  (globalThis as unknown as { Date: unknown }).Date = ShiftedDate;

  // Open API calls: a screen is not settled while its answers are on the way. An answer counts
  // as in once its JSON is read (the app reads every answer).
  let open = 0;
  let calls = 0;
  let lastCall = 0;
  performance.setResourceTimingBufferSize(100_000);
  const requests = (a: number, b: number) =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.responseEnd > a && e.startTime < b);
  const hostMs = (a: number, b: number) => {
    const spans = requests(a, b)
      .map((e) => [Math.max(a, e.requestStart || e.startTime), Math.min(b, e.responseEnd)] as const)
      .sort((x, y) => x[0] - y[0]);
    let sum = 0;
    let reach = a;
    for (const [x, y] of spans) {
      sum += Math.max(0, y - Math.max(x, reach));
      reach = Math.max(reach, y);
    }
    return sum;
  };
  const realFetch = window.fetch.bind(window);
  window.fetch = async (...a: unknown[]) => {
    if (!String(a[0]).startsWith('/api/')) return realFetch(...a);
    open++;
    calls++;
    const closed = () => {
      open--;
      lastCall = performance.now();
    };
    try {
      const res = await realFetch(...a);
      const json = res.json.bind(res);
      res.json = () => json().finally(closed);
      return res;
    } catch (e) {
      closed();
      throw e;
    }
  };

  const afterPaint = (cb: (t: number) => void) =>
    requestAnimationFrame(() => {
      // A message posted from a frame callback runs after that frame's style, layout and paint.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(null);
    });

  const shown = (c: Cond) =>
    Array.from(document.querySelectorAll(c.sel)).some((el) => {
      const text = el.textContent ?? '';
      return (
        el.getClientRects().length > 0 &&
        !el.disabled &&
        (c.text === undefined || text.includes(c.text)) &&
        (c.eq === undefined || text.trim() === c.eq) &&
        (c.not === undefined || !text.includes(c.not)) &&
        (c.value === undefined || el.value === c.value)
      );
    });
  const holds = (w: Watch) => w.all.every(shown) && !(w.none ?? []).some((s) => document.querySelectorAll(s).length > 0);
  // antd's click wave comes and goes after a click whatever the screen does: not the screen's change.
  const wave = (n: El) => typeof n.className === 'string' && n.className.includes('wave');
  const counts = (r: Rec) => !wave(r.target) && !Array.from(r.addedNodes).some(wave) && !Array.from(r.removedNodes).some(wave);

  let watch: Watch | null = null;
  let started = false;
  const bench: Bench = { arm, done: null, armPrint, print: null, printedAt: [] };
  (window as unknown as BenchWindow).__bench = bench;

  function arm(w: Watch): void {
    watch = w;
    started = false;
    bench.done = new Promise<Timing>((resolve, reject) => {
      begin = (start: number) => {
        started = true;
        let changes = 0;
        let lastChange = start;
        let paintedChanges = 0;
        let lastPaint = 0;
        let first = 0;
        const calls0 = calls;
        // Looking costs the page time too: looked at again after a change, or every 100 ms for what
        // changes without one (a class, an input's value: those watches look every frame).
        const every = w.all.some((c) => c.value !== undefined);
        let looked = { at: -Infinity, changes: -1, met: false };
        const look = (now: number) => {
          if (every || changes !== looked.changes || now - looked.at >= 100) looked = { at: now, changes, met: holds(w) };
          return looked.met;
        };
        const mo = new MutationObserver((recs) => {
          if (!recs.some(counts)) return;
          changes++;
          lastChange = performance.now();
        });
        mo.observe(document, { subtree: true, childList: true, characterData: true });
        const give = setTimeout(() => {
          mo.disconnect();
          watch = null;
          reject(new Error(`not shown in 30 s: ${JSON.stringify(w)}; open calls ${open}; page: ${document.body?.innerText.slice(0, 300)}`));
        }, 30_000);
        const end = (t: number) => {
          clearTimeout(give);
          mo.disconnect();
          watch = null;
          resolve({
            start,
            first: first || t,
            end: t,
            calls: calls - calls0,
            changes,
            hostMs: hostMs(start, t),
            requests: requests(start, t).map((e) => [e.name.replace(/.*\/api\//, ''), e.startTime - start, e.responseEnd - (e.requestStart || e.startTime)]),
          });
        };
        const frame = () => {
          const now = performance.now();
          const met = look(now);
          const seen = changes;
          if (met && w.quietMs === 0) return afterPaint(end);
          if (met && !first) afterPaint((t) => (first = first || t));
          if (seen !== paintedChanges)
            afterPaint((t) => {
              if (seen > paintedChanges) [paintedChanges, lastPaint] = [seen, t];
            });
          const quiet = now - Math.max(lastChange, lastCall, start) >= w.quietMs;
          if (met && first && open === 0 && seen === paintedChanges && quiet) return end(Math.max(lastPaint, first));
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      };
    });
    if (w.from === 'navigation') begin(0);
    else if (w.from === 'now') begin(performance.now());
  }
  let begin: (start: number) => void = () => undefined;

  const onInput = (e: { timeStamp: number }) => {
    if (watch?.from === 'input' && !started) begin(Math.min(e.timeStamp, performance.now()));
    if (printWatch && !printWatch.key) printWatch.key = Math.min(e.timeStamp, performance.now());
  };
  addEventListener('keydown', onInput, { capture: true });
  addEventListener('mousedown', onInput, { capture: true });
  // Text put in at once (a paste, an ID card reader's burst, an input method's commit) has no key.
  addEventListener('beforeinput', onInput, { capture: true });

  // window.print is the browser's dialog: stubbed, its call timed. The layout for paper is timed
  // when node switches the page to print media (as Chromium does before it paginates).
  let printWatch: { key: number; printCalled: number; done: (t: PrintTiming) => void } | null = null;
  window.print = () => {
    bench.printedAt.push(performance.now());
    if (printWatch && !printWatch.printCalled) printWatch.printCalled = performance.now();
  };
  function armPrint(): void {
    bench.print = new Promise((resolve) => (printWatch = { key: 0, printCalled: 0, done: resolve }));
  }
  matchMedia('print').addEventListener('change', (e) => {
    const p = printWatch;
    if (!e.matches || !p) return;
    const mediaEvent = performance.now();
    afterPaint((painted) => {
      printWatch = null;
      p.done({ key: p.key, printCalled: p.printCalled, mediaEvent, painted, origin: performance.timeOrigin });
    });
  });

  if (o.cold) arm(o.cold);
}
