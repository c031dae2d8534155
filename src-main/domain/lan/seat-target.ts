// What a seat's desktop window may open (issue 30): the main PC's page at an office address over
// HTTPS, with the pin the clerk compared. Checked before the window is made, so a page cannot
// send the desktop shell elsewhere, and the same rule is tested under Node.
import { isPrivateAddress } from './addresses';

export interface SeatTarget {
  /** The main PC's origin, with a trailing slash: https://192.168.1.5:5781/ */
  url: string;
  /** The host as the certificate check is asked about it (no brackets, lower case). */
  host: string;
  pin: string;
}

const PIN = /^[A-Za-z0-9+/]{43}=$/;
const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function seatTarget(url: string, pin: string): { ok: true; target: SeatTarget } | { ok: false; message: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, message: '主电脑的地址格式不对。' };
  }
  if (u.protocol !== 'https:' || u.username || u.password) return { ok: false, message: '只能用 https 连接所里的主电脑。' };
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const isAddress = /^[\d.]+$/.test(host) || host.includes(':');
  if (isAddress ? !isPrivateAddress(host) : !NAME.test(host)) return { ok: false, message: '只能连接本所局域网内的主电脑。' };
  if (!PIN.test(pin)) return { ok: false, message: '证书指纹不对，请重新查看主电脑。' };
  return { ok: true, target: { url: `${u.origin}/`, host, pin } };
}
