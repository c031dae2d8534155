// The browser host's loopback side: the page and the handler map on 127.0.0.1 only, for this
// PC's own browser. Who may come in: our literal loopback names, the page's own origin, and the
// token the page was given in its HTML.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Context } from '../api/index';
import { tabCaller } from '../service/context';
import { clearStaleUploads } from '../files/uploads';
import { answerClientErrors, isCallPath, refuse, requestListener, sameToken, type Gate } from './serve';

/** How often uploads past their hour are looked for (each new upload looks too). */
export const UPLOAD_SWEEP_MS = 5 * 60 * 1000;

export interface HostOptions {
  ctx: Context;
  rendererDir: string;
  port: number;
  /** Fixed only in tests; otherwise fresh for every launch. */
  token?: string;
  /** Smaller only in tests. */
  maxUploadBytes?: number;
}

export interface RunningHost {
  url: string;
  token: string;
  close: () => Promise<void>;
}

/** The app's page: refused when the renderer was never built. */
export function readIndexHtml(rendererDir: string): string {
  const indexPath = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexPath)) {
    throw new Error(`界面文件不存在：${indexPath}。请先运行 npm run build。`);
  }
  return fs.readFileSync(indexPath, 'utf8');
}

function loopbackGate(token: string, hosts: () => ReadonlySet<string>): Gate {
  return {
    enter(req, res, pathname) {
      // DNS rebinding: a hostile page that resolves its own name to 127.0.0.1 still sends its
      // own name as Host, so only our literal loopback names are served.
      if (!hosts().has(req.headers.host ?? '')) {
        refuse(res, 421, '拒绝访问：请求的主机名不是本机的 canbao 服务。');
        return null;
      }
      if (!isCallPath(pathname)) return { as: 'page' };
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts().has(origin.replace(/^http:\/\//, ''))) {
        refuse(res, 403, '拒绝访问：请求来自其他网站。');
        return null;
      }
      const given = req.headers['x-canbao-token'];
      if (typeof given !== 'string' || !sameToken(given, token)) {
        refuse(res, 401, '拒绝访问：缺少或错误的访问令牌，请重新打开 canbao 页面。');
        return null;
      }
      return { as: 'call', callerOf: tabCaller };
    },
  };
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  // The token reaches the page inside its HTML: only a same-origin reader can see it.
  const indexHtml = readIndexHtml(rendererDir).replace('</head>', `<meta name="canbao-token" content="${token}"></head>`);
  let allowedHosts = new Set<string>();
  const server = http.createServer(
    requestListener({
      ctx: opts.ctx,
      rendererDir,
      indexHtml,
      gate: loopbackGate(token, () => allowedHosts),
      maxUploadBytes: opts.maxUploadBytes,
    }),
  );
  answerClientErrors(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // Uploads left by dry runs nobody finished go after their hour, even when nothing more is uploaded.
  const sweep = setInterval(() => {
    try {
      clearStaleUploads(opts.ctx.dataDir, Date.now());
    } catch (e) {
      console.error('[canbao host] 清理过期的上传文件没有完成', e);
    }
  }, UPLOAD_SWEEP_MS);
  sweep.unref();
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
