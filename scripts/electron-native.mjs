// Builds better-sqlite3 once more, for Electron's ABI, into .electron-native/. The copy in
// node_modules stays built for Node, so the tests and the browser host keep working.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NATIVE_BINDING, NATIVE_DIR, electronVersion } from './electron-env.mjs';

/** timeoutMs: a compile that needs the headers from the network must not wait on it forever. */
export function ensureElectronNative({ timeoutMs } = {}) {
  const version = electronVersion();
  const stamp = path.join(NATIVE_DIR, 'electron-version.txt');
  if (fs.existsSync(NATIVE_BINDING) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) return;
  const src = path.join(NATIVE_DIR, 'better-sqlite3');
  fs.rmSync(src, { recursive: true, force: true });
  fs.cpSync(path.resolve('node_modules', 'better-sqlite3'), src, {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`),
  });
  const npmCli = process.env.npm_execpath;
  const gyp = npmCli ? path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : 'node-gyp';
  console.log(`正在为 Electron ${version} 编译数据库组件（首次约需两分钟）……`);
  const env = { ...process.env, npm_config_nodedir: '' };
  delete env.npm_config_nodedir;
  execFileSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], {
    cwd: src,
    stdio: 'inherit',
    env,
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' } : {}),
  });
  fs.copyFileSync(path.join(src, 'build', 'Release', 'better_sqlite3.node'), NATIVE_BINDING);
  fs.writeFileSync(stamp, version);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureElectronNative();
