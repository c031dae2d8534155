// `npm start`: build, then open the desktop window where Electron can be had, else the browser
// host on its own default data folder and port (as `npm run serve`), so the README's first
// command always ends in a running app. Arguments after `npm start --` go to the browser host.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electron-env.mjs';
import { ensureElectronNative } from './electron-native.mjs';

// One try per start, bounded: a download with no route to the host hangs rather than fails.
const DOWNLOAD_SECONDS = Number(process.env.CANBAO_ELECTRON_TIMEOUT) || 300;
const COMPILE_SECONDS = 900;

const span = (seconds) => (seconds < 60 ? `${seconds} 秒` : `${Math.round(seconds / 60)} 分钟`);

/**
 * Runs a step; the Chinese reason when it fails or overruns. A quiet step keeps its errors
 * (the download's is a stack trace) and is told by their first line only.
 */
function step(args, seconds, failed, quiet = false) {
  try {
    execFileSync(process.execPath, args, { stdio: ['ignore', 'inherit', quiet ? 'pipe' : 'inherit'], timeout: seconds * 1000, killSignal: 'SIGKILL' });
    return null;
  } catch (e) {
    if (e?.code === 'ETIMEDOUT') return `${failed}：${span(seconds)}内没有完成。`;
    const cause = quiet
      ? String(e?.stderr ?? '')
          .split('\n')
          .find((l) => l.trim())
      : '';
    return `${failed}。${cause ? `\n（${cause.trim()}）` : ''}`;
  }
}

/** The Electron binary, ready to run, or why not. */
function desktop() {
  let binary = electronBinary();
  if (!binary) {
    console.log(`首次启动：正在下载 Electron 运行环境（约 110 MB，最多等 ${span(DOWNLOAD_SECONDS)}）……`);
    const failed = step([path.resolve('node_modules/electron/install.js')], DOWNLOAD_SECONDS, '无法下载 Electron 运行环境（需要联网一次）', true);
    if (failed) return { reason: failed };
    binary = electronBinary();
    if (!binary) return { reason: 'Electron 运行环境安装不完整。' };
  }
  try {
    ensureElectronNative({ timeoutMs: COMPILE_SECONDS * 1000 });
  } catch {
    return { reason: '无法为 Electron 编译数据库组件（需要联网一次并安装编译工具）。' };
  }
  return { binary };
}

/** Waits for the child, passing on a stop asked of this process (a terminal's Ctrl+C, a service manager's TERM). */
function follow(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function browserHost(reason) {
  console.log(`\n${reason}\n改为启动浏览器版（功能与桌面版相同）……\n`);
  const child = spawn(process.execPath, [path.resolve('out/main/host.js'), ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'inherit'] });
  let told = false;
  let seen = '';
  child.stdout.on('data', (b) => {
    process.stdout.write(b);
    if (told) return;
    seen += b.toString();
    const url = /已启动：(http\S+)/.exec(seen)?.[1];
    if (url) {
      told = true;
      console.log(`请用浏览器（Chrome、Edge 或 Firefox）打开 ${url}；按 Ctrl+C 停止。`);
    }
  });
  // Said before follow() ends this process: the host's own reason is already above.
  child.on('exit', (code) => {
    if (!told && code) console.error('\n浏览器版没有启动，原因见上。如果是端口被占用，可以改用：npm start -- --port 0\n');
  });
  follow(child);
}

const found = desktop();
const built = step([path.resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], COMPILE_SECONDS, '构建失败');
if (built) {
  console.error(`\n${built}\n`);
  process.exit(1);
}
if (found.binary) follow(spawn(found.binary, ['.'], { stdio: 'inherit' }));
else browserHost(found.reason);
