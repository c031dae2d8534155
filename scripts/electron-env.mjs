// Where the Electron binary is, without triggering its download (requiring 'electron'
// would try to fetch it, which hangs on machines with no route to the download host).
import fs from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve('node_modules', 'electron');

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}

export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(p) ? p : null;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const p = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(p) ? p : null;
}

export const NATIVE_DIR = path.resolve('.electron-native');
export const NATIVE_BINDING = path.join(NATIVE_DIR, 'better_sqlite3.node');
