// A seat's desktop window (issue 30): the main PC's page, trusted by the key the clerk compared
// (pinned), in a session of its own that keeps the seat's cookie, with no bridge into this PC's
// main process. Thin on purpose: what to open and whether a certificate matches are pure
// (domain/lan/seat-target.ts, domain/lan/pin.ts) and tested under Node.
import crypto from 'node:crypto';
import { BrowserWindow, Menu, dialog, session } from 'electron';
import { checkPin } from '../domain/lan/pin';
import type { SeatTarget } from '../domain/lan/seat-target';

/**
 * The main PC found again at another address (DHCP) or by its name, with the key it was paired
 * with: the seat's cookie goes with it, so the seat is not asked to pair again.
 */
export async function carrySeatCookie(before: SeatTarget | null, now: SeatTarget): Promise<void> {
  if (!before || before.pin !== now.pin || before.url === now.url) return;
  const cookies = session.fromPartition('persist:canbao-seat').cookies;
  for (const c of await cookies.get({ url: before.url, name: 'canbao_seat' }))
    await cookies.set({ url: now.url, name: c.name, value: c.value, secure: true, httpOnly: true, sameSite: 'strict', expirationDate: c.expirationDate });
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
  // This PC's own window first, then this one closed: the app never has no window (it would quit).
  const leave = () => {
    onGiveUp();
    win.close();
  };
  // Always a way back to this PC's own ledger (a PC that stopped being a seat, a main PC gone for good).
  win.setMenu(Menu.buildFromTemplate([{ label: '改为打开本机台账', click: () => leave() }]));
  win.webContents.on('did-fail-load', (_e, _code, description, url) => {
    if (!url.startsWith(t.url)) return;
    void dialog
      .showMessageBox(win, {
        type: 'warning',
        title: '连不上所里的主电脑',
        message: `连不上所里的主电脑（${t.url}）。`,
        detail: `请确认主电脑已开机、canbao 已打开，且这台电脑连着所里的网络。主电脑换了地址时，请点「改为打开本机台账」，在 设置 → 多台电脑 中填主电脑现在的地址（证书没变就不用重新配对）；主电脑重装过 canbao 或换了密钥，则要重新配对。（${description}）`,
        buttons: ['重试', '改为打开本机台账'],
        cancelId: 1,
      })
      .then(({ response }) => (response === 0 ? void win.loadURL(t.url) : leave()));
  });
  void win.loadURL(t.url);
  return win;
}
