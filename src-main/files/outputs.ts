// What the program writes for the clerk to take away (exports, problem reports): only under
// the data folder, under names it makes, and handed out only from there, never through a link.
import fs from 'node:fs';
import path from 'node:path';

/** Folders under the data folder whose files the screens may download or save a copy of. */
export const OUTPUT_DIRS = ['exports', 'reports'] as const;

// Names Windows keeps for devices, with any extension: a file called NUL.csv cannot be made there.
const DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A name the program makes for a file it writes: no separators, no dots to climb with, bounded,
 * its extension kept (a name of symbols alone, 😀.csv, becomes file.csv, not "csv").
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFKC').trim();
  const dot = base.lastIndexOf('.');
  const [stemPart, extPart] = dot > 0 ? [base.slice(0, dot), base.slice(dot + 1)] : [base, ''];
  // 、 stays: the lists' own titles use it (去年参保、今年未参保), and Windows allows it.
  const clean = (s: string) => s.replace(/[^\p{L}\p{N}._()（）、-]/gu, '_');
  let stem = clean(stemPart)
    .replace(/^[._]+/, '')
    .replace(/[._\s]+$/, '');
  const ext = clean(extPart)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 10);
  if (!stem.replace(/_/g, '') || DEVICE.test(stem)) stem = stem && DEVICE.test(stem) ? `${fallback}-${stem}` : fallback;
  return `${stem.slice(-(79 - ext.length))}${ext ? `.${ext}` : ''}`;
}

/**
 * A fresh .xlsx path in one of the output folders, named `name` (made safe); a second file of
 * the same name the same day gets (2), then (3). The name is taken on disk at once, so two
 * exports at the same moment never write into one file.
 */
export function outputFile(dataDir: string, dir: (typeof OUTPUT_DIRS)[number], name: string): string {
  const folder = path.join(dataDir, dir);
  fs.mkdirSync(folder, { recursive: true });
  const stem = safeFileName(name.replace(/\.(xlsx|csv|txt)$/i, ''), dir);
  for (let n = 1; ; n++) {
    const file = path.join(folder, `${stem}${n > 1 ? `(${n})` : ''}.xlsx`);
    try {
      fs.closeSync(fs.openSync(file, 'wx'));
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 999) throw e;
    }
  }
}

/**
 * The real path of `file` if it is a regular file under one name only: not itself a link, and
 * no hard link made to it from elsewhere (which would hand out or read whatever it names). Null
 * for anything else, a path with a NUL byte or one that does not exist included.
 */
export function singleNamedFile(file: string): string | null {
  if (!file || file.includes('\0')) return null;
  try {
    const resolved = path.resolve(file);
    const st = fs.lstatSync(resolved);
    return st.isFile() && st.nlink === 1 ? fs.realpathSync(resolved) : null;
  } catch {
    return null;
  }
}

/** Whether `dir` exists and the real path `real` lies directly in it (not in a subfolder). */
export function directlyIn(real: string, dir: string): boolean {
  try {
    return path.dirname(real) === fs.realpathSync(dir);
  } catch {
    return false;
  }
}

/** The file, if it is a single-named regular file the program wrote directly into one of the output folders. */
export function downloadable(dataDir: string, file: string): string | null {
  const real = singleNamedFile(file);
  return real && OUTPUT_DIRS.some((d) => directlyIn(real, path.join(dataDir, d))) ? real : null;
}

/**
 * At start: problem reports older than a week go. A new one is written at each click, and each
 * holds the file's rows with their full ID numbers; exports stay (the clerk's own copies).
 */
export function clearOldReports(dataDir: string, now: Date): void {
  const dir = path.join(dataDir, 'reports');
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    try {
      const st = fs.lstatSync(p);
      if (st.isFile() && now.getTime() - st.mtimeMs > 7 * 24 * 3600 * 1000) fs.rmSync(p, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}
