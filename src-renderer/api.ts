import type { ApiInput, ApiName, ApiOutput, Result } from '../src-main/api/contract';
import { called } from './kept';

interface Bridge {
  invoke(name: string, arg: unknown, key?: string): Promise<unknown>;
  pathForFile(file: File): string;
  saveCopy(file: string): Promise<unknown>;
  /** Opens the main PC's page in a window pinned to its key (the desktop only). */
  openSeat(url: string, pin: string): Promise<unknown>;
}

declare global {
  interface Window {
    /** Present only in the Electron window (preload); absent in the browser host. */
    canbao?: Bridge;
  }
}

function hostToken(): string {
  return document.querySelector('meta[name="canbao-token"]')?.getAttribute('content') ?? '';
}

/** This page is the main PC's, served to another PC of the office over the LAN (issue 30). */
export const onSeatPage = () => document.querySelector('meta[name="canbao-lan"]') !== null;

const randomHex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

/** This tab's own session key: logging in here does not log in another tab. */
function sessionKey(): string {
  let key = sessionStorage.getItem('canbao-session');
  if (!key) {
    key = randomHex(18);
    sessionStorage.setItem('canbao-session', key);
  }
  return key;
}

/** No answer at all: on a seat, the main PC is off or the LAN is down; what was typed stays on screen. */
const unreachable = () =>
  ({
    ok: false,
    error: {
      code: 'unavailable',
      message: onSeatPage()
        ? '连不上所里的主电脑：请确认主电脑已开机、canbao 已打开，且这台电脑连着所里的网络。填写的内容还在，连上后再点一次即可。'
        : '无法连接到 canbao 服务，请确认程序仍在运行后刷新页面。',
    },
  }) as const;

const sessionEnded = new Set<(message: string) => void>();

/** Called whenever the main process says this window's login has ended (30 idle minutes). */
export function onSessionEnded(listener: (message: string) => void): () => void {
  sessionEnded.add(listener);
  return () => void sessionEnded.delete(listener);
}

// Calls after which the words the screens use (the glossary: departments as the policy names them) may have changed.
const GLOSSARY_CHANGES: readonly ApiName[] = ['office.setPolicy', 'policies.import', 'backup.restore'];
const glossaryChanged = new Set<() => void>();

export function onGlossaryChanged(listener: () => void): () => void {
  glossaryChanged.add(listener);
  return () => void glossaryChanged.delete(listener);
}

/** Whether the main process has answered this page yet (on a seat: whether it was paired when it loaded). */
let answeredOnce = false;

/** The renderer's only door to the main process: IPC in Electron, HTTP in the browser host. */
export async function invoke<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Result<ApiOutput<K>>> {
  const r = await send(name, arg);
  called(name);
  if (!r.ok && r.error.code === 'unauthenticated') for (const l of sessionEnded) l(r.error.message);
  // This PC was revoked on the main PC while working: the page starts again at PairPage, which
  // says why (not while the page first asks: PairPage is its answer already).
  if (r.ok) answeredOnce = true;
  else if (r.error.code === 'unpaired' && answeredOnce) location.reload();
  if (r.ok && GLOSSARY_CHANGES.includes(name)) for (const l of glossaryChanged) l();
  return r;
}

/**
 * Waits before each try again when no answer came (the connection dropped, the main process
 * restarting): about 5 s in all, then the screen says so and keeps what was typed.
 */
const RETRY_AFTER_MS = [300, 1000, 3500];

async function send<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Result<ApiOutput<K>>> {
  // One key for this call and its retries: a change whose answer was lost is not made twice.
  const key = randomHex(16);
  if (window.canbao) return (await window.canbao.invoke(name, arg, key)) as Result<ApiOutput<K>>;
  const body = JSON.stringify(arg);
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-canbao-token': hostToken(), 'x-canbao-session': sessionKey(), 'x-canbao-key': key },
        body,
      });
      return (await res.json()) as Result<ApiOutput<K>>;
    } catch {
      const wait = RETRY_AFTER_MS[attempt];
      if (wait === undefined) return unreachable();
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Hands a chosen file to the main process: its own path in Electron, uploaded in the browser host. */
export async function uploadFile(file: File): Promise<Result<{ file: string }>> {
  if (window.canbao) return { ok: true, value: { file: window.canbao.pathForFile(file) } };
  try {
    const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'x-canbao-token': hostToken(), 'x-canbao-session': sessionKey(), 'content-type': 'application/octet-stream' },
      body: file,
    });
    return (await res.json()) as Result<{ file: string }>;
  } catch {
    return unreachable();
  }
}

/** Saves a copy of a file the main process wrote (an export, a problem report) where the clerk chooses. */
export async function saveFile(file: string): Promise<Result<null>> {
  if (window.canbao) return (await window.canbao.saveCopy(file)) as Result<null>;
  try {
    const res = await fetch('/download', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-canbao-token': hostToken(), 'x-canbao-session': sessionKey() },
      body: JSON.stringify({ file }),
    });
    if (!res.ok) return (await res.json()) as Result<null>;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = file.split(/[\\/]/).pop() ?? 'canbao.xlsx';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, value: null };
  } catch {
    return unreachable();
  }
}

/** On the main PC's page over the LAN: this PC pairs with the code the main PC shows (the answer sets the seat's cookie). */
export async function pairSeat(code: string, name: string): Promise<Result<{ seat: { name: string } }>> {
  try {
    const res = await fetch('/pair', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
    return (await res.json()) as Result<{ seat: { name: string } }>;
  } catch {
    return unreachable();
  }
}
