// Where the renderer's time went, from a Chromium trace: the page's main thread only, each
// event's self time (its length less its children's) put in DevTools' kinds of work, the
// longest tasks with what ran in them, and script time by the URL it ran from. A summary to
// read, not the trace.

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.compile',
  'v8',
  'v8.execute',
  'toplevel',
  'loading',
];

interface Ev {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; type?: string; functionName?: string } };
}

type Kind = 'script' | 'compile' | 'gc' | 'style' | 'layout' | 'paint' | 'html' | 'other';

// DevTools' own grouping, by event name; an event not named here counts as its parent's kind.
function kindOf(name: string): Kind | null {
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|V8\.GCScavenger)/.test(name)) return 'gc';
  if (/compile|Compile|^V8\.Parse|^v8\.parse|BytecodeBudgetInterrupt|produceCache|produceModuleCache/.test(name)) return 'compile';
  if (
    /^(FunctionCall|v8\.callFunction|EvaluateScript|v8\.evaluateModule|v8\.run|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|XHRReadyStateChange|BlinkScheduler_PerformMicrotaskCheckpoint|V8\.Execute|v8\.newInstance)$/.test(
      name,
    )
  )
    return 'script';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::updateStyle)/.test(name)) return 'style';
  if (/^(Layout|IntersectionObserverController|UpdateLayerTree)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|Commit|PaintImage|Decode|CompositeLayers|UpdateLayer)/.test(name)) return 'paint';
  if (/^(ParseHTML|DocumentLoader::)/.test(name)) return 'html';
  return null;
}

const LABELS = [
  /^(keydown|keypress|keyup|mousedown|mouseup|click|beforeinput|input) event$/,
  /^the bundle/,
  /^a timer$/,
  /^a script task$/,
  /^animation frame/,
  / event$/,
  /^HTML/,
];

export interface TraceSummary {
  wallMs: number;
  busyMs: number;
  byKind: Record<string, number>;
  longTasks: { atMs: number; ms: number; top: string; what: string }[];
  scripts: { url: string; ms: number }[];
}

export function summarize(json: Buffer): TraceSummary {
  const all = (JSON.parse(json.toString()) as { traceEvents: Ev[] }).traceEvents;
  // The page's main thread: the renderer main thread that worked the most (others are idle tabs).
  const names = new Map(all.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const work = new Map<string, number>();
  for (const e of all)
    if (e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') work.set(`${e.pid}:${e.tid}`, (work.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...work].sort((a, b) => b[1] - a[1])[0]?.[0];
  const evs = all.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const t0 = Math.min(...evs.map((e) => e.ts));
  const t1 = Math.max(...evs.map((e) => e.ts + e.dur!));

  const byKind: Record<string, number> = {};
  const byUrl = new Map<string, number>();
  const tasks: { ev: Ev; kinds: Record<string, number>; labels: Set<string | null> }[] = [];
  // The open events, outermost first, each with its kind (own or inherited) and the URL it runs.
  const stack: { ev: Ev; end: number; kind: Kind; url: string | null; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const s = stack.pop()!;
      const self = Math.max(0, s.ev.dur! - s.child) / 1000;
      byKind[s.kind] = (byKind[s.kind] ?? 0) + self;
      const task = tasks.at(-1)!;
      task.kinds[s.kind] = (task.kinds[s.kind] ?? 0) + self;
      if (['script', 'compile', 'gc'].includes(s.kind)) byUrl.set(s.url ?? '(not in a script)', (byUrl.get(s.url ?? '(not in a script)') ?? 0) + self);
      if (stack.length) stack.at(-1)!.child += s.ev.dur!;
    }
  };
  for (const ev of evs) {
    close(ev.ts);
    const parent = stack.at(-1);
    if (!parent) tasks.push({ ev, kinds: {}, labels: new Set() });
    const d = ev.args?.data;
    const url =
      ev.name === 'v8.evaluateModule' ? 'module evaluation (the bundle’s top level)' : d?.url ? d.url.replace(/^https?:\/\/[^/]+/, '') : (parent?.url ?? null);
    const label = d?.type
      ? `${d.type} event`
      : ev.name === 'v8.evaluateModule'
        ? 'the bundle evaluated'
        : ev.name === 'TimerFire'
          ? 'a timer'
          : ev.name === 'FireAnimationFrame'
            ? 'animation frame callbacks'
            : ev.name === 'FunctionCall'
              ? 'a script task'
              : ev.name === 'ParseHTML'
                ? 'HTML parsed'
                : null;
    tasks.at(-1)!.labels.add(label);
    stack.push({ ev, end: ev.ts + ev.dur!, kind: kindOf(ev.name) ?? parent?.kind ?? 'other', url: d?.url === '' ? '(init scripts)' : url, child: 0 });
  }
  close(Infinity);

  const longTasks = tasks
    .filter((t) => t.ev.dur! >= 50_000)
    .sort((a, b) => b.ev.dur! - a.ev.dur!)
    .slice(0, 6)
    .map((t) => {
      const top = Object.entries(t.kinds)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
      // The most telling of what ran: the clerk's input, the bundle, a timer, frames, a script task, any other event.
      const what = LABELS.map((l) => [...t.labels].find((x) => x !== null && l.test(x))).find(Boolean) ?? 'rendering / message';
      return { atMs: (t.ev.ts - t0) / 1000, ms: t.ev.dur! / 1000, top, what };
    });
  return {
    wallMs: (t1 - t0) / 1000,
    busyMs: tasks.reduce((s, t) => s + t.ev.dur! / 1000, 0),
    byKind,
    longTasks,
    scripts: [...byUrl]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([url, ms]) => ({ url, ms })),
  };
}

export function printSummary(label: string, s: TraceSummary, say: (line: string) => void): void {
  const kinds = Object.entries(s.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(' · ');
  say(`${label}: main thread busy ${s.busyMs.toFixed(0)} of ${s.wallMs.toFixed(0)} ms traced — ${kinds} (ms)`);
  for (const t of s.longTasks) say(`  long task ${t.ms.toFixed(0)} ms at +${t.atMs.toFixed(0)} ms (${t.what}): ${t.top}`);
  say(`  script time by URL: ${s.scripts.map((x) => `${x.url} ${x.ms.toFixed(0)} ms`).join(' · ')}`);
}
