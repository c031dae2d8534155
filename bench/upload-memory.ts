// How much memory the browser host holds while a large file is uploaded: the bytes should go to
// disk as they come, not sit whole in memory. `npx tsx bench/upload-memory.ts [MB]`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../src-main/app';
import { startHost } from '../src-main/host/server';

const mb = Number(process.argv[2] ?? 500);
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-upload-mem-'));
const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-renderer-'));
fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body></body></html>');
const big = path.join(renderer, 'big.csv');
const fd = fs.openSync(big, 'w');
const block = Buffer.alloc(1024 * 1024, 'a');
for (let i = 0; i < mb; i++) fs.writeSync(fd, block);
fs.closeSync(fd);

const started = await startCore(data);
const host = await startHost({ ctx: started.ctx, rendererDir: renderer, port: 0, token: 'bench-token' });
const before = process.memoryUsage().rss;
let peak = before;
const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
// Sent by curl, streaming the file, so the client's own buffers do not count against the host.
const answer = await new Promise<string>((resolve, reject) =>
  execFile(
    'curl',
    [
      '-s',
      '-X',
      'POST',
      '-H',
      'x-canbao-token: bench-token',
      '-H',
      'x-canbao-session: bench-session-00000',
      '-H',
      'content-type: application/octet-stream',
      '-T',
      big,
      `${host.url}upload?name=big.csv`,
    ],
    (err, out) => (err ? reject(err) : resolve(out)),
  ),
);
clearInterval(watch);
const ms = performance.now() - t0;
console.log(answer.slice(0, 160));
console.log(
  `upload of ${mb} MB: ${(ms / 1000).toFixed(1)} s; host RSS before ${(before / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB (+${((peak - before) / 2 ** 20).toFixed(0)} MB)`,
);
await host.close();
started.stop();
fs.rmSync(data, { recursive: true, force: true });
fs.rmSync(renderer, { recursive: true, force: true });
