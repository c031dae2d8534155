// The one way a request reaches the handler map over HTTP, for the loopback host (server.ts)
// and the office LAN (lan-server.ts) alike: each has its own gate (who may come in, and as which
// caller); behind it the same API, uploads, downloads and the app's own files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { ErrorCode, Result } from '../api/contract';
import { dispatch, handlers, type Context } from '../api/index';
import { mayUseFiles } from '../api/handler';
import { CONTENT_SECURITY_POLICY } from './csp';
import { downloadable } from '../files/outputs';
import { receiveUpload, UploadsFull, UploadTooLarge } from '../files/uploads';
import { ioProblem } from '../ledger/space';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
// A million-row roster saved by Excel is ~60 MB; leave room for larger lists.
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const SESSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

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

/** The caller key a tab's session key is known by behind this gate. */
export type CallerOf = (session: string) => string;

/** How a request comes in, once its gate let it: a call (API, upload, download), the app's files, or pairing. */
export type Entry = { as: 'call'; callerOf: CallerOf } | { as: 'page' } | { as: 'pairing' };

export interface Gate {
  /** Answers a refusal itself and returns null, or says how the request comes in. */
  enter(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Entry | null;
}

export interface ServeOptions {
  ctx: Context;
  /** Resolved. */
  rendererDir: string;
  /** The app's page as this gate hands it out. */
  indexHtml: string;
  gate: Gate;
  maxUploadBytes?: number | undefined;
  /** When set (the LAN), a caller downloads only the files its own calls were answered with. */
  outputs?: OutputOwners | undefined;
  /** A seat pairing (the LAN only). */
  pair?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
}

/**
 * Which caller each exported file was made for. A seat downloads only its own exports and problem
 * reports (they hold full ID numbers), not what the main PC or another seat wrote. Only an answer's
 * own `file` counts (export.write, export.registration, import.report answer so): text a caller
 * had echoed back (a header cell naming another file) must not make the file its own.
 */
export class OutputOwners {
  private readonly owners = new Map<string, string>();
  private readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = path.resolve(dataDir);
  }

  note(value: unknown, caller: string): void {
    const file = value && typeof value === 'object' && !Array.isArray(value) ? (value as { file?: unknown }).file : undefined;
    if (typeof file !== 'string') return;
    const made = downloadable(this.dataDir, file);
    if (made) this.owners.set(made, caller);
  }

  madeFor(file: string, caller: string): boolean {
    return this.owners.get(file) === caller;
  }
}

/** The paths of calls into the main process; everything else is the app's own files. */
export const isCallPath = (pathname: string) => pathname.startsWith('/api/') || pathname === '/upload' || pathname === '/download';

export function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
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

export function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'forbidden', message } });
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A request listener that can say when the requests it took in are all answered. */
export type Listener = http.RequestListener & { idle(): Promise<void> };

/** The request listener behind a gate. */
export function requestListener(o: ServeOptions): Listener {
  let running = 0;
  const settled: (() => void)[] = [];
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '网址有误。' } });
    }
    const entry = o.gate.enter(req, res, url.pathname);
    if (!entry) return;
    if (entry.as === 'pairing') {
      if (o.pair) return o.pair(req, res);
      return refuse(res, 404, '这里不能配对。');
    }
    if (entry.as === 'call') {
      if (req.method !== 'POST') return refuse(res, 405, '接口只接受 POST 请求。');
      if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5), entry.callerOf);
      if (url.pathname === '/upload') return handleUpload(req, res, url.searchParams.get('name') ?? 'upload', entry.callerOf);
      return handleDownload(req, res, entry.callerOf);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求方式。');
    return serveStatic(res, url.pathname);
  }

  /** Uploads and downloads hold residents' ID numbers: once users exist, only a logged-in tab. Answers the refusal itself. */
  function loggedIn(req: http.IncomingMessage, res: http.ServerResponse, callerOf: CallerOf): string | null {
    const session = req.headers['x-canbao-session'];
    if (typeof session === 'string' && SESSION_KEY.test(session) && mayUseFiles(o.ctx, callerOf(session))) return callerOf(session);
    sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: '请先登录。' } });
    return null;
  }

  // The browser cannot hand the main process a file path, so files come up as bytes and
  // the handlers get the path they were saved under.
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, name: string, callerOf: CallerOf) {
    const who = loggedIn(req, res, callerOf);
    if (!who) return;
    const limit = o.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return tooLarge(req, res);
    let file: string;
    try {
      // Not destroyed when the upload is refused midway, so the refusal can still be answered.
      file = await receiveUpload(o.ctx.dataDir, name, req.iterator({ destroyOnReturn: false }), limit, who, declared || 0);
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
    refuseUpload(req, res, 413, 'invalid_input', `文件太大（超过 ${Math.round((o.maxUploadBytes ?? MAX_UPLOAD_BYTES) / 1024 / 1024)} MB）。`);
  }

  // Exports and reports are written under the data folder; the page asks for one by the path
  // the handler answered, and only files in those folders are handed out.
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, callerOf: CallerOf) {
    const who = loggedIn(req, res, callerOf);
    if (!who) return;
    const body = await readBody(req);
    let file = '';
    try {
      file = String((JSON.parse(body?.toString('utf8') ?? '{}') as { file?: unknown }).file ?? '');
    } catch {
      /* answered below */
    }
    const resolved = downloadable(o.ctx.dataDir, file);
    const notFound = () => sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '找不到要下载的文件（只能下载本程序导出的文件）。' } });
    if (!resolved) return notFound();
    if (o.outputs && !o.outputs.madeFor(resolved, who)) return notFound();
    const name = path.basename(resolved);
    sendFile(res, resolved, notFound, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string, callerOf: CallerOf) {
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
    const who = callerOf(session);
    const r = await dispatch(handlers, o.ctx, name, arg, who, typeof key === 'string' ? key : undefined);
    if (r.ok && o.outputs) o.outputs.note(r.value, who);
    sendJson(res, 200, r);
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
    const file = path.resolve(o.rendererDir, rel);
    const inside = file.startsWith(o.rendererDir + path.sep);
    if (rel === '' || rel === 'index.html' || !inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      // Unknown paths get the app itself, so a reload on any screen still works.
      if (rel.startsWith('assets/')) {
        res.writeHead(404, headers);
        return void res.end();
      }
      res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store' });
      return void res.end(o.indexHtml);
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

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    running++;
    void handle(req, res)
      .catch((err) => {
        console.error('[canbao host]', err);
        if (!res.headersSent) refuse(res, 500, '服务出错，请重试。');
      })
      .finally(() => {
        if (--running === 0) for (const done of settled.splice(0)) done();
      });
  };
  // Closing waits for what is under way (an export, an import's commit), so the ledger is not closed under it.
  const idle = () => (running === 0 ? Promise.resolve() : new Promise<void>((done) => settled.push(done)));
  return Object.assign(listener, { idle });
}

/** What Node's own parser refuses (a content-length that lies, a broken chunk, a body that trickles in past the timeout) is answered in Chinese too, and the connection closed. */
export function answerClientErrors(server: http.Server): void {
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
}
