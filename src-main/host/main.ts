// `npm run serve`: the browser host. Serves the built renderer and the handler map on
// 127.0.0.1 only, for offices without the desktop build and for end-to-end tests.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../app';
import { startHost } from './server';
import { LanService } from './lan-service';
import { LAN_PORT } from '../domain/lan/port';

interface Args {
  dataDir: string;
  port: number;
  /** Where the office LAN is served when the admin turns it on (tests run several side by side). */
  lanPort: number;
}

function parseArgs(argv: string[]): Args {
  let dataDir = process.env.CANBAO_DATA || path.join(os.homedir(), '.canbao');
  let port = 5780;
  let lanPort = LAN_PORT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') dataDir = argv[++i] ?? '';
    else if (a === '--port') port = Number(argv[++i]);
    else if (a === '--lan-port') lanPort = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('用法：npm run serve -- [--data 数据文件夹] [--port 端口，0 表示自动] [--lan-port 局域网端口，默认 5781]');
      process.exit(0);
    } else throw new Error(`不认识的参数：${a}`);
  }
  if (!dataDir) throw new Error('--data 后面要跟数据文件夹路径。');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port 必须是 0 到 65535 之间的整数。');
  if (!Number.isInteger(lanPort) || lanPort < 1 || lanPort > 65535) throw new Error('--lan-port 必须是 1 到 65535 之间的整数。');
  return { dataDir: path.resolve(dataDir), port, lanPort };
}

/**
 * The PC's network interfaces; where a test cannot make a network of its own (no root for a
 * namespace) it names a second loopback address, offered as one more interface.
 */
function lanInterfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]> {
  const all = os.networkInterfaces();
  const test = process.env.CANBAO_LAN_TEST_ADDRESS;
  // A loopback address only: the setting can never open the ledger to another PC.
  if (!test || !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(test)) return all;
  return { ...all, 测试回环: [{ address: test, netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: `${test}/8` }] };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const started = await startCore(args.dataDir, { importWorker: path.join(here, 'import-worker.js') });
  const rendererDir = path.join(here, '../renderer');
  const host = await startHost({ ctx: started.ctx, rendererDir, port: args.port });
  // The office LAN, if the admin turned it on: listening again after a restart.
  const lan = new LanService({ ctx: started.ctx, rendererDir, port: args.lanPort, interfaces: lanInterfaces });
  started.ctx.lan = lan;
  lan.apply();
  // Announced once the seats can connect too (the e2e fixture and a restarted seat wait for it).
  const serving = await lan.state();
  if (serving.problem) console.log(`警告：${serving.problem}`);
  // The address last: whoever waits for it (npm start, the e2e fixture) has the rest already.
  console.log(`数据文件夹：${args.dataDir}`);
  if (!started.audit.intact) console.log(`警告：${started.audit.problem}`);
  if (started.ctx.readOnly) console.log(`警告：${started.ctx.readOnly}`);
  console.log(`canbao 浏览器版已启动：${host.url}`);
  const stop = () => {
    void Promise.all([host.close(), lan.close()]).then(() => {
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
