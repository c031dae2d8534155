// What the program writes for the clerk to take away (exports, problem reports): only under
// the data folder, under names it makes, and handed out only from there, never through a link.
import fs from 'node:fs';
import path from 'node:path';

/** Folders under the data folder whose files the screens may download or save a copy of. */
export const OUTPUT_DIRS = ['exports', 'reports'] as const;

/** A name the program makes for a file it writes: no separators, no dots to climb with, bounded. */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._()（）-]/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-80);
  return safe || fallback;
}

/** A fresh .xlsx path in one of the output folders, named from `stem` and the time. */
export function outputFile(dataDir: string, dir: (typeof OUTPUT_DIRS)[number], stem: string): string {
  const folder = path.join(dataDir, dir);
  fs.mkdirSync(folder, { recursive: true });
  return path.join(folder, `${safeFileName(stem.replace(/\.(xlsx|csv|txt)$/i, ''), dir)}-${Date.now()}.xlsx`);
}

/**
 * The file, if it is a regular file the program wrote into one of the output folders: the
 * real path (links resolved) must lie inside the folder's real path, and the name itself
 * must not be a link.
 */
export function downloadable(dataDir: string, file: string): string | null {
  if (!file || file.includes('\0')) return null;
  const resolved = path.resolve(file);
  try {
    const st = fs.lstatSync(resolved);
    if (!st.isFile()) return null;
    const real = fs.realpathSync(resolved);
    const inside = OUTPUT_DIRS.some((d) => {
      const dir = path.join(dataDir, d);
      return fs.existsSync(dir) && real.startsWith(fs.realpathSync(dir) + path.sep);
    });
    return inside ? real : null;
  } catch {
    return null;
  }
}
