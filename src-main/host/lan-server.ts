// The main PC on the office LAN (issue 30): HTTPS on the addresses of the interface the admin
// chose, behind a gate that lets in only the office's private addresses, by the PC's own names,
// from its own page, and from seats that paired (a cookie holding the seat's token) or are pairing.
import https from 'node:https';
import type http from 'node:http';
import type { Context } from '../api/index';
import { dispatch, handlers } from '../api/index';
import { admit, type SeatStanding } from '../domain/lan/admission';
import { hostOf } from '../domain/lan/addresses';
import { seatByToken, seatSeen } from '../ledger/seats';
import { hasActiveUsers } from '../ledger/users';
import { seatCaller } from '../service/context';
import { pairingCaller } from '../service/lan';
import { answerClientErrors, isCallPath, readBody, refuse, requestListener, sendJson, type Gate, type OutputOwners } from './serve';

export const SEAT_COOKIE = 'canbao_seat';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Ten years: a seat stays paired until the admin revokes it. */
const COOKIE_SECONDS = 10 * 365 * 86_400;
/** A seat's last-seen time is written at most this often (it is shown, not audited). */
const SEEN_EVERY_MS = 60_000;

export interface LanServerOptions {
  ctx: Context;
  rendererDir: string;
  /** The app's page as seats get it: no token (they are let in by their cookie). */
  indexHtml: string;
  addresses: readonly string[];
  port: number;
  keyPem: string;
  certPem: string;
  /** Host and Origin values the PC answers to (domain/lan/addresses.ts allowedHosts). */
  hosts: ReadonlySet<string>;
  /** Who each export was made for: kept across restarts of the listener (a new address). */
  outputs: OutputOwners;
}

export interface RunningLan {
  listening: string[];
  close(): Promise<void>;
}

export function seatToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === SEAT_COOKIE && v !== undefined) return v;
  }
  return null;
}

function lanGate(o: LanServerOptions): Gate {
  const seen = new Map<number, number>();
  return {
    enter(req, res, pathname) {
      const remote = req.socket.remoteAddress ?? '';
      const token = seatToken(req);
      const seat = token !== null && TOKEN.test(token) ? seatByToken(o.ctx.db, token) : undefined;
      const standing: SeatStanding = token === null ? 'none' : !seat ? 'unknown' : seat.revokedAt ? 'revoked' : 'paired';
      const a = admit(
        { remoteAddress: remote, host: req.headers.host, origin: req.headers.origin, method: req.method ?? '', path: pathname, seat: standing },
        o.hosts,
      );
      if (!a.ok) {
        sendJson(res, a.status, { ok: false, error: { code: a.status === 401 ? 'unpaired' : 'forbidden', message: a.message } });
        return null;
      }
      if (a.as !== 'seat') return { as: a.as };
      if (!hasActiveUsers(o.ctx.db)) {
        refuse(res, 403, '主电脑还没有设置用户，不能从其他电脑使用。');
        return null;
      }
      const now = Date.now();
      if (now - (seen.get(seat!.id) ?? 0) > SEEN_EVERY_MS && !o.ctx.busy && !o.ctx.readOnly) {
        seen.set(seat!.id, now);
        try {
          seatSeen(o.ctx.db, seat!.id, o.ctx.now().toISOString(), remote.replace(/^::ffff:/, ''));
        } catch {
          // Only the list's "last seen" waits for the next time.
        }
      }
      const id = seat!.id;
      return isCallPath(pathname) ? { as: 'call', callerOf: (session) => seatCaller(session, id) } : { as: 'page' };
    },
  };
}

/** /pair: the code and the seat's name in, the seat's token out in a cookie only the page's requests carry. */
function pairing(o: LanServerOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = await readBody(req, 4096);
    if (body === null) return refuse(res, 413, '提交的内容太大。');
    let arg: unknown;
    try {
      arg = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '提交的内容不是有效的 JSON。' } });
    }
    const r = await dispatch(handlers, o.ctx, 'lan.pair', arg, pairingCaller((req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')));
    if (!r.ok) return sendJson(res, 200, r);
    const { seat, token } = r.value as { seat: unknown; token: string };
    res.setHeader('set-cookie', `${SEAT_COOKIE}=${token}; Path=/; Max-Age=${COOKIE_SECONDS}; Secure; HttpOnly; SameSite=Strict`);
    sendJson(res, 200, { ok: true, value: { seat } });
  };
}

export async function startLanServer(o: LanServerOptions): Promise<RunningLan> {
  const listener = requestListener({ ctx: o.ctx, rendererDir: o.rendererDir, indexHtml: o.indexHtml, gate: lanGate(o), pair: pairing(o), outputs: o.outputs });
  const servers: https.Server[] = [];
  const closeAll = () =>
    Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    ).then(() => listener.idle());
  try {
    for (const address of o.addresses) {
      const server = https.createServer({ key: o.keyPem, cert: o.certPem, minVersion: 'TLSv1.2' }, listener);
      answerClientErrors(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(o.port, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
      // Once listening, a failure of the server itself is logged, never left to end the process.
      server.on('error', (e) => console.error('[canbao lan]', e));
      servers.push(server);
    }
  } catch (e) {
    await closeAll();
    throw e;
  }
  return { listening: o.addresses.map((a) => `${hostOf(a)}:${o.port}`), close: closeAll };
}
