// A seat's desktop window (issue 30): the main PC's page, trusted by the key the clerk compared
// (pinned), in a session of its own that keeps the seat's cookie, with no bridge into this PC's
// main process. Thin on purpose: what to open and whether a certificate matches are pure
// (domain/lan/seat-target.ts, domain/lan/pin.ts) and tested under Node.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, session } from 'electron';
import { checkPin } from '../domain/lan/pin';
import { seatTarget, type SeatTarget } from '../domain/lan/seat-target';

const SEAT_FILE = (dataDir: string) => path.join(dataDir, 'lan', 'seat.json');

/** The main PC this PC was connected to last, if any (opened at start instead of this PC's own ledger). */
export function rememberedSeat(dataDir: string): SeatTarget | null {
  try {
    const { url, pin } = JSON.parse(fs.readFileSync(SEAT_FILE(dataDir), 'utf8')) as { url: string; pin: string };
    const t = seatTarget(url, pin);
    return t.ok ? t.target : null;
  } catch {
    return null;
  }
}

export function forgetSeat(dataDir: string): void {
  fs.rmSync(SEAT_FILE(dataDir), { force: true });
}

export function rememberSeat(dataDir: string, t: SeatTarget): void {
  fs.mkdirSync(path.dirname(SEAT_FILE(dataDir)), { recursive: true });
  fs.writeFileSync(SEAT_FILE(dataDir), JSON.stringify({ url: t.url, pin: t.pin }));
}

export function openSeatWindow(t: SeatTarget, onGiveUp: () => void): BrowserWindow {
  const part = session.fromPartition('persist:canbao-seat');
  part.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  part.setCertificateVerifyProc((req, cb) => {
    // Only the main PC is ever asked for; its certificate is trusted by its key alone.
    if (req.hostname.replace(/^\[|\]$/g, '').toLowerCase() !== t.host) return cb(-2);
    try {
      const key = new crypto.X509Certificate(req.certificate.data).publicKey.export({ type: 'spki', format: 'der' });
      cb(checkPin(t.pin, new Uint8Array(crypto.createHash('sha256').update(key).digest())).ok ? 0 : -2);
    } catch {
      cb(-2);
    }
  });
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'canbao 参保台账（连接所里的主电脑）',
    webPreferences: { session: part, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  win.webContents.on('did-fail-load', (_e, _code, description, url) => {
    if (!url.startsWith(t.url)) return;
    void dialog
      .showMessageBox(win, {
        type: 'warning',
        title: '连不上所里的主电脑',
        message: `连不上所里的主电脑（${t.url}）。`,
        detail: `请确认主电脑已开机、canbao 已打开，且这台电脑连着所里的网络。若主电脑重装过 canbao，请重新连接。（${description}）`,
        buttons: ['重试', '改为打开本机台账'],
        cancelId: 1,
      })
      .then(({ response }) => (response === 0 ? void win.loadURL(t.url) : onGiveUp()));
  });
  void win.loadURL(t.url);
  return win;
}
