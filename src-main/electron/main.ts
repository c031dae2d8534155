// The desktop shell. Kept thin on purpose: everything but the window, IPC binding and
// printing lives in code the browser host and the tests also run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { dispatch, handlers } from '../api/index';
import { startCore } from '../app';
import type { Context } from '../api/handler';
import { INVOKE_CHANNEL, SAVE_CHANNEL, SEAT_CHANNEL } from './channel';
import { carrySeatCookie, openSeatWindow } from './seat-window';
import { forgetSeat, lastSeat, rememberSeat, rememberedSeat } from '../files/seat-file';
import { seatTarget } from '../domain/lan/seat-target';
import { LanService } from '../host/lan-service';
import { downloadable } from '../files/outputs';
import { ioProblem } from '../ledger/space';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');

// Installed, the package carries better-sqlite3 rebuilt for Electron's ABI by the builder and
// it loads as any module. From the source tree, `npm start` (scripts/start-desktop.mjs) builds
// a copy for Electron in .electron-native/, so node_modules stays built for Node (tests, host).
function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const p = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(p) ? p : undefined;
}

// The ledger lives in %APPDATA%\canbao whatever the installer calls the program (参保台账), so an
// upgrade, a renamed product or a reinstall finds it where every version left it.
app.setPath('userData', path.join(app.getPath('appData'), 'canbao'));

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'canbao 参保台账',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

/** A seat window's page reloading itself (after pairing, when revoked) stays on the main PC's origin; nothing else navigates. */
function sameSeatOrigin(from: string, to: string): boolean {
  try {
    const a = new URL(from);
    return a.protocol === 'https:' && a.origin === new URL(to).origin;
  } catch {
    return false;
  }
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e) => {
      if (!sameSeatOrigin(contents.getURL(), e.url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  const dataDir = path.resolve(process.env.CANBAO_DATA || app.getPath('userData'));
  let ctx: Context;
  let stop: () => void;
  try {
    const binding = electronSqliteBinding();
    const started = await startCore(dataDir, { importWorker: path.join(here, 'import-worker.js'), ...(binding ? { nativeBinding: binding } : {}) });
    ctx = started.ctx;
    stop = started.stop;
    if (started.ctx.readOnly) dialog.showErrorBox('canbao 磁盘空间不足', started.ctx.readOnly);
    if (!started.audit.intact) dialog.showErrorBox('canbao 审计日志警告', started.audit.problem ?? '');
  } catch (err) {
    dialog.showErrorBox('canbao 无法打开台账', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, arg: unknown, key: unknown) => {
    // Only our own page may call in; anything else loaded by mistake gets nothing.
    if (!event.senderFrame?.url.startsWith('file://')) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝访问。' } };
    }
    // The session is the window's: a page cannot name another window's.
    return dispatch(handlers, ctx, String(name), arg, `window:${event.sender.id}`, typeof key === 'string' ? key : undefined);
  });
  ipcMain.handle(SAVE_CHANNEL, async (event, file: unknown) => {
    if (!event.senderFrame?.url.startsWith('file://')) return { ok: false, error: { code: 'forbidden', message: '拒绝访问。' } };
    const source = downloadable(dataDir, String(file));
    if (!source) return { ok: false, error: { code: 'not_found', message: '找不到要保存的文件。' } };
    const win = BrowserWindow.fromWebContents(event.sender);
    const choice = await (win
      ? dialog.showSaveDialog(win, { defaultPath: path.basename(source) })
      : dialog.showSaveDialog({ defaultPath: path.basename(source) }));
    if (choice.canceled || !choice.filePath) return { ok: true, value: null };
    try {
      await fs.promises.copyFile(source, choice.filePath);
    } catch (e) {
      return { ok: false, error: { code: 'unavailable', message: `文件没有保存到所选位置：${ioProblem(e) ?? '无法写入'}。` } };
    }
    return { ok: true, value: choice.filePath };
  });
  // This PC may serve the office's other PCs (设置 → 多台电脑), listening again after a restart.
  const lan = new LanService({ ctx, rendererDir: path.join(here, '../renderer') });
  ctx.lan = lan;
  lan.apply();
  const ownWindow = () => {
    forgetSeat(dataDir);
    createWindow();
  };
  ipcMain.handle(SEAT_CHANNEL, async (event, url: unknown, pin: unknown) => {
    if (!event.senderFrame?.url.startsWith('file://')) return { ok: false, error: { code: 'forbidden', message: '拒绝访问。' } };
    const t = seatTarget(String(url), String(pin));
    if (!t.ok) return { ok: false, error: { code: 'invalid_input', message: t.message } };
    if (t.target.pin === lan.pin()) return { ok: false, error: { code: 'invalid_input', message: '这是这台电脑自己：这台电脑就是主电脑，不用连接。' } };
    await carrySeatCookie(lastSeat(dataDir), t.target);
    rememberSeat(dataDir, t.target);
    openSeatWindow(t.target, ownWindow);
    BrowserWindow.fromWebContents(event.sender)?.close();
    return { ok: true, value: null };
  });
  // A seat PC opens the main PC's screens, as it was connected last.
  const seat = rememberedSeat(dataDir);
  if (seat) openSeatWindow(seat, ownWindow);
  else createWindow();
  // The LAN closed first: a seat's request is not let in to find the ledger closed.
  app.on('window-all-closed', () => {
    void lan.close().then(() => {
      stop();
      app.quit();
    });
  });
}

void start();
