// `npm run serve`: the browser host. Serves the built renderer and the handler map on
// 127.0.0.1 only, for offices without the desktop build and for end-to-end tests.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../app';
import { startHost } from './server';

interface Args {
  dataDir: string;
  port: number;
}

function parseArgs(argv: string[]): Args {
  let dataDir = process.env.CANBAO_DATA || path.join(os.homedir(), '.canbao');
  let port = 5780;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') dataDir = argv[++i] ?? '';
    else if (a === '--port') port = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('用法：npm run serve -- [--data 数据文件夹] [--port 端口，0 表示自动]');
      process.exit(0);
    } else throw new Error(`不认识的参数：${a}`);
  }
  if (!dataDir) throw new Error('--data 后面要跟数据文件夹路径。');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port 必须是 0 到 65535 之间的整数。');
  return { dataDir: path.resolve(dataDir), port };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const started = await startCore(args.dataDir, { importWorker: path.join(here, 'import-worker.js') });
  const host = await startHost({
    ctx: started.ctx,
    rendererDir: path.join(here, '../renderer'),
    port: args.port,
  });
  // The address last: whoever waits for it (npm start, the e2e fixture) has the rest already.
  console.log(`数据文件夹：${args.dataDir}`);
  if (!started.audit.intact) console.log(`警告：${started.audit.problem}`);
  if (started.ctx.readOnly) console.log(`警告：${started.ctx.readOnly}`);
  console.log(`canbao 浏览器版已启动：${host.url}`);
  const stop = () => {
    void host.close().then(() => {
      started.stop();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`canbao 无法启动：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
