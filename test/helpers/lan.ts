// Talking to the main PC's LAN side as a seat would: HTTPS to an address, the certificate's key
// compared with the pin rather than trusted through an authority, the seat's cookie kept.
import crypto from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import type tls from 'node:tls';

export interface LanAnswer {
  status: number;
  body: string;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  cookie: string | null;
  pin: string;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, host, () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** One request; `host` and `origin` as a browser at that address would send them unless given. */
export function lanRequest(o: {
  address: string;
  port: number;
  method?: string;
  path: string;
  body?: unknown;
  /** Sent as it is (an upload) rather than as JSON. */
  raw?: string;
  cookie?: string | null;
  host?: string;
  origin?: string;
  headers?: Record<string, string>;
}): Promise<LanAnswer> {
  const text = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: o.address,
        port: o.port,
        method: o.method ?? (text === undefined ? 'GET' : 'POST'),
        path: o.path,
        // Pinned below, as a seat does, rather than checked against an authority.
        rejectUnauthorized: false,
        agent: false,
        headers: {
          host: o.host ?? `${o.address}:${o.port}`,
          ...(o.origin ? { origin: o.origin } : {}),
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(text !== undefined && o.raw === undefined ? { 'content-type': 'application/json' } : {}),
          ...o.headers,
        },
      },
      (res) => {
        const x = (res.socket as tls.TLSSocket).getPeerX509Certificate();
        const pin = x
          ? crypto
              .createHash('sha256')
              .update(x.publicKey.export({ type: 'spki', format: 'der' }))
              .digest('base64')
          : '';
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const set = res.headers['set-cookie']?.[0] ?? null;
          let json: LanAnswer['json'] = { ok: false };
          try {
            json = JSON.parse(body) as LanAnswer['json'];
          } catch {
            /* a page, not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body, json, cookie: set ? set.split(';')[0]! : null, pin });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    if (text !== undefined) req.write(text);
    req.end();
  });
}
