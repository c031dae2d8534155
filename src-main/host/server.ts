import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import type { ErrorCode, Result } from '../api/contract';
import { dispatch, handlers, type Context } from '../api/index';
import { mayUseFiles } from '../api/handler';
import { tabCaller } from '../service/context';
import { CONTENT_SECURITY_POLICY } from './csp';
import { downloadable } from '../files/outputs';
import { clearStaleUploads, receiveUpload, UploadsFull, UploadTooLarge } from '../files/uploads';
import { ioProblem } from '../ledger/space';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
// A million-row roster saved by Excel is ~60 MB; leave room for larger lists.
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const SESSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** How often uploads past their hour are looked for (each new upload looks too). */
const UPLOAD_SWEEP_MS = 5 * 60 * 1000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

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

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/**
 * Streams a file, opened first so that one gone meanwhile is a 404 rather than a stream error
 * (which, unheard, ended the process); the file is closed however the transfer ends, a client
 * that hangs up midway included (each such download once kept its file open).
 */
function sendFile(res: http.ServerResponse, file: string, missing: () => void, headers: http.OutgoingHttpHeaders): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return missing();
  }
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
  } catch {
    fs.closeSync(fd);
    return missing();
  }
  res.writeHead(200, { ...headers, 'content-length': size });
  pipeline(fs.createReadStream(file, { fd, autoClose: true }), res, (err) => {
    if (err) res.destroy();
  });
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'forbidden', message } });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

async function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  const indexPath = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexPath)) {
    throw new Error(`界面文件不存在：${indexPath}。请先运行 npm run build。`);
  }
  // The token reaches the page inside its HTML: only a same-origin reader can see it.
  const indexHtml = fs.readFileSync(indexPath, 'utf8').replace('</head>', `<meta name="canbao-token" content="${token}"></head>`);
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      console.error('[canbao host]', err);
      if (!res.headersSent) refuse(res, 500, '服务出错，请重试。');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a hostile page that resolves its own name to 127.0.0.1 still sends its
    // own name as Host, so only our literal loopback names are served.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return refuse(res, 421, '拒绝访问：请求的主机名不是本机的 canbao 服务。');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '网址有误。' } });
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (url.pathname === '/upload') return handleUpload(req, res, url.searchParams.get('name') ?? 'upload');
    if (url.pathname === '/download') return handleDownload(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求方式。');
    return serveStatic(res, url.pathname);
  }

  /** Same-origin, token-bearing POSTs only; answers the refusal itself and returns false. */
  function admitted(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      refuse(res, 405, '接口只接受 POST 请求。');
      return false;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      refuse(res, 403, '拒绝访问：请求来自其他网站。');
      return false;
    }
    const given = req.headers['x-canbao-token'];
    if (typeof given !== 'string' || !sameToken(given, token)) {
      refuse(res, 401, '拒绝访问：缺少或错误的访问令牌，请重新打开 canbao 页面。');
      return false;
    }
    return true;
  }

  /** Uploads and downloads hold residents' ID numbers: once users exist, only a logged-in tab. */
  function loggedIn(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const session = req.headers['x-canbao-session'];
    if (typeof session === 'string' && SESSION_KEY.test(session) && mayUseFiles(opts.ctx, tabCaller(session))) return true;
    sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: '请先登录。' } });
    return false;
  }

  // The browser cannot hand the main process a file path, so files come up as bytes and
  // the handlers get the path they were saved under.
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    if (!admitted(req, res) || !loggedIn(req, res)) return;
    const limit = opts.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return tooLarge(req, res);
    let file: string;
    try {
      // Not destroyed when the upload is refused midway, so the refusal can still be answered.
      file = await receiveUpload(
        opts.ctx.dataDir,
        name,
        req.iterator({ destroyOnReturn: false }),
        limit,
        tabCaller(String(req.headers['x-canbao-session'])),
        declared || 0,
      );
    } catch (e) {
      if (e instanceof UploadTooLarge) return tooLarge(req, res);
      if (req.destroyed) return;
      if (e instanceof UploadsFull)
        return refuseUpload(
          req,
          res,
          507,
          'unavailable',
          '等待导入的上传文件已超过 2 GB，没有再接收。请先完成或放弃正在进行的导入（一小时前上传的会自动让出空间），再上传。',
        );
      const io = ioProblem(e);
      if (io) return refuseUpload(req, res, 507, 'unavailable', `${io}，文件没有上传完，已删除不完整的副本。请清理磁盘空间后重试。`);
      // Anything else is answered by the 500 handler; it too must be heard.
      res.setHeader('connection', 'close');
      req.resume();
      throw e;
    }
    sendJson(res, 200, { ok: true, value: { file } });
  }

  /**
   * Answers an upload it stopped midway: the rest of the body is read and dropped and the
   * connection closed, so the browser hears the answer instead of a reset.
   */
  function refuseUpload(req: http.IncomingMessage, res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
    res.setHeader('connection', 'close');
    sendJson(res, status, { ok: false, error: { code, message } });
    req.resume();
  }

  function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
    refuseUpload(req, res, 413, 'invalid_input', `文件太大（超过 ${Math.round((opts.maxUploadBytes ?? MAX_UPLOAD_BYTES) / 1024 / 1024)} MB）。`);
  }

  // Exports and reports are written under the data folder; the page asks for one by the path
  // the handler answered, and only files in those folders are handed out.
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!admitted(req, res) || !loggedIn(req, res)) return;
    const body = await readBody(req);
    let file = '';
    try {
      file = String((JSON.parse(body?.toString('utf8') ?? '{}') as { file?: unknown }).file ?? '');
    } catch {
      /* answered below */
    }
    const resolved = downloadable(opts.ctx.dataDir, file);
    const notFound = () => sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '找不到要下载的文件（只能下载本程序导出的文件）。' } });
    if (!resolved) return notFound();
    const name = path.basename(resolved);
    sendFile(res, resolved, notFound, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    if (!admitted(req, res)) return;
    const body = await readBody(req);
    if (body === null) return refuse(res, 413, '提交的内容太大。');
    let arg: unknown = {};
    if (body.length) {
      try {
        arg = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: '提交的内容不是有效的 JSON。' },
        });
      }
    }
    // Each tab names its own session with a random key it keeps for its lifetime.
    const session = req.headers['x-canbao-session'];
    if (typeof session !== 'string' || !SESSION_KEY.test(session)) {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '页面缺少会话编号，请刷新页面。' } });
    }
    // The change's key (the page makes one per call and sends it again with a retry): done once.
    const key = req.headers['x-canbao-key'];
    sendJson(res, 200, await dispatch(handlers, opts.ctx, name, arg, tabCaller(session), typeof key === 'string' ? key : undefined));
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const headers = {
      'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    };
    let rel: string;
    try {
      rel = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      res.writeHead(400, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('网址有误（含无效的百分号编码）。');
    }
    if (rel.includes('\0')) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('找不到这个页面。');
    }
    const file = path.resolve(rendererDir, rel);
    const inside = file.startsWith(rendererDir + path.sep);
    if (rel === '' || rel === 'index.html' || !inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      // Unknown paths get the app itself, so a reload on any screen still works.
      if (rel.startsWith('assets/')) {
        res.writeHead(404, headers);
        return void res.end();
      }
      res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store' });
      return void res.end(indexHtml);
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    sendFile(
      res,
      file,
      () => {
        res.writeHead(404, headers);
        res.end();
      },
      { ...headers, 'content-type': type },
    );
  }

  // What Node's own parser refuses (a content-length that lies, a broken chunk, a body that
  // trickles in past the timeout) is answered in Chinese too, and the connection closed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const body = JSON.stringify({
      ok: false,
      error: { code: 'invalid_input', message: timeout ? '请求发送得太慢，已超时，请重试。' : '请求的格式不对（可能被其他程序改动过），请重试。' },
    });
    socket.end(
      `HTTP/1.1 ${timeout ? '408 Request Timeout' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

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
