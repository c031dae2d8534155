// Who the main PC answers on the office LAN (issue 30), decided before any handler runs: a
// request from outside the office's private ranges, to a name or address the PC does not answer
// to (DNS rebinding), from a page of another origin, or from a seat not paired (or revoked) gets
// a refusal in Chinese. Pairing itself and the page's own files are the only ways in for a
// seat not yet paired: the files hold no ledger data and no token.
import { isPrivateAddress } from './addresses';

export type SeatStanding = 'paired' | 'revoked' | 'unknown' | 'none';

export interface LanRequest {
  remoteAddress: string;
  host: string | undefined;
  origin: string | undefined;
  method: string;
  path: string;
  /** The seat's token as the ledger knows it: none sent, unknown, revoked, or paired. */
  seat: SeatStanding;
}

export type Admission = { ok: true; as: 'page' | 'pairing' | 'seat' } | { ok: false; status: number; message: string };

const PAIRING_PATH = '/pair';
/** The page's own files: the app (the seat's screens) and its assets. */
const PAGE = (path: string) => path === '/' || path === '/index.html' || path.startsWith('/assets/');

export function admit(r: LanRequest, hosts: ReadonlySet<string>): Admission {
  // A remote address written as IPv4 inside IPv6 (::ffff:192.168.1.5) is judged as the IPv4 one.
  if (!isPrivateAddress(r.remoteAddress)) return { ok: false, status: 403, message: '拒绝访问：只接受本所局域网内的电脑（私有网段地址）。' };
  if (!hosts.has((r.host ?? '').toLowerCase())) return { ok: false, status: 421, message: '拒绝访问：请求的主机名不是这台主电脑的名称或地址。' };
  if (r.origin !== undefined && !hosts.has(r.origin.replace(/^https:\/\//, '').toLowerCase()))
    return { ok: false, status: 403, message: '拒绝访问：请求来自其他网站。' };
  if (r.path === PAIRING_PATH) return r.method === 'POST' ? { ok: true, as: 'pairing' } : { ok: false, status: 405, message: '配对只接受 POST 请求。' };
  if ((r.method === 'GET' || r.method === 'HEAD') && PAGE(r.path)) return { ok: true, as: 'page' };
  if (r.seat === 'paired') return { ok: true, as: 'seat' };
  if (r.seat === 'revoked') return { ok: false, status: 401, message: '这台电脑已被主电脑的管理员取消连接。如需继续使用，请找管理员重新配对。' };
  return { ok: false, status: 401, message: '这台电脑还没有与主电脑配对：请在「连接所里的主电脑」中输入主电脑显示的配对码。' };
}
