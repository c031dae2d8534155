// The figures the issue asks for, each read from one run, and the table they are printed in.
import { median, report } from '../util';
import { DESK_STEPS, SCREENS, type Run } from './journey';
import type { Timing } from './probe';

export interface Figure {
  label: string;
  /** The target at 4×, in ms. */
  target?: number;
  pick: (r: Run) => number | null;
  /** How long of it, at 4×, a request was out at the host (the rest is the page's). */
  host?: (r: Run) => number;
}

const ms = (t: Timing) => t.end - t.start;

export const FIGURES: Figure[] = [
  { label: '冷启动 → 登录可用 (cold load)', target: 1000, pick: (r) => r.cold },
  { label: '登录 → 工作台', target: 600, pick: (r) => ms(r.login), host: (r) => r.login.hostMs },
  ...SCREENS.slice(1).map((s) => ({ label: `${s} 首次`, pick: (r: Run) => ms(r.first[s]!), host: (r: Run) => r.first[s]!.hostMs })),
  ...SCREENS.map((s) => ({ label: `${s} 再次`, target: 300, pick: (r: Run) => ms(r.repeat[s]!), host: (r: Run) => r.repeat[s]!.hostMs })),
  { label: '参保登记 查找 (ID → 匹配)', pick: (r) => ms(r.deskSearch), host: (r) => r.deskSearch.hostMs },
  ...DESK_STEPS.map((s, i) => ({ label: `回车 ${s}`, target: 100, pick: (r: Run) => ms(r.desk[i]!), host: (r: Run) => r.desk[i]!.hostMs })),
  { label: '回车 ×4 合计', pick: (r) => r.desk.reduce((s, t) => s + ms(t), 0), host: (r) => r.desk.reduce((s, t) => s + t.hostMs, 0) },
  // The app's part (key → window.print) and the layout in print media (node's switch → painted); the CDP hop between is left out.
  { label: '凭证 打印版式 (print media)', pick: (r) => r.print.printCalled - r.print.key + (r.print.painted - r.print.switched) },
  { label: '凭证 PDF (print preview 的工作, 1 run)', pick: (r) => r.pdfMs },
  { label: '花名册 每键 (median key)', target: 50, pick: (r) => median(r.keys.map((k) => k.first - k.start)) },
  { label: '花名册 最慢的一键', pick: (r) => Math.max(...r.keys.map((k) => k.first - k.start)) },
];

// Chinese characters take two columns in a terminal.
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const pad = (s: string, n: number, left = false) => (left ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

export interface Row extends Figure {
  runs: number[][];
  medians: (number | null)[];
}

export function printTable(rows: Row[], rates: number[], runs4x: Run[]): void {
  const fmt = (x: number | null) => (x === null ? '—' : Math.round(x).toLocaleString('en-US'));
  const at4 = rates.indexOf(4);
  const head = [pad('figure (ms, median)', 40), ...rates.map((r) => pad(`${r}×`, 8, true)), pad('target 4×', 11, true), '  met', '  host part 4×'];
  console.log(`\n  ${head.join('')}`);
  for (const f of rows) {
    const m4 = f.medians[at4] ?? null;
    const met = f.target === undefined || m4 === null ? '' : m4 < f.target ? 'yes' : 'NO';
    const wait = f.host && runs4x.length ? fmt(median(runs4x.map(f.host))) : '';
    report(
      [
        pad(f.label, 40),
        ...f.medians.map((m) => pad(fmt(m), 8, true)),
        pad(f.target === undefined ? '' : `< ${fmt(f.target)}`, 11, true),
        pad(met, 5, true),
        pad(wait, 14, true),
      ].join(''),
    );
  }
}

/** The cold load's parts at one rate, medians: when the HTML and the bundle had arrived, when it had run, when the login showed. */
export function printColdParts(runs: Run[], rate: number): void {
  if (!runs.length) return;
  const m = (f: (r: Run) => number) => Math.round(median(runs.map(f))).toLocaleString('en-US');
  report(
    `cold load at ${rate}×: HTML in at ${m((r) => r.coldParts.html!)} ms, the bundle in at ${m((r) => r.coldParts.script!)} ms, ` +
      `run (DOMContentLoaded) at ${m((r) => r.coldParts.domContentLoaded!)} ms, the login usable at ${m((r) => r.cold)} ms`,
  );
}
