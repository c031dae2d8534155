// `npm start`: build, make sure the Electron binary and its database component are there,
// and open the desktop window. Offices without Electron can use `npm run serve`.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electron-env.mjs';
import { ensureElectronNative } from './electron-native.mjs';

function fail(message) {
  console.error(`\n${message}\n可以改用浏览器版：npm run serve\n`);
  process.exit(1);
}

let binary = electronBinary();
if (!binary) {
  console.log('首次启动：正在下载 Electron 运行环境……');
  try {
    execFileSync(process.execPath, [path.resolve('node_modules/electron/install.js')], { stdio: 'inherit' });
  } catch {
    fail('无法下载 Electron 运行环境（需要联网一次）。');
  }
  binary = electronBinary() ?? fail('Electron 运行环境安装不完整。');
}
try {
  ensureElectronNative();
} catch {
  fail('无法为 Electron 编译数据库组件（需要联网一次并安装编译工具）。');
}
execFileSync(process.execPath, [path.resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
