// Files the browser host receives (a roster, a department's list): each in a fresh folder under
// the data folder, kept only while an import needs it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeFileName } from './outputs';

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Files sent by the browser host land in a fresh folder each, under a safe form of their name. */
export function saveUpload(dataDir: string, name: string, body: Buffer): string {
  const dir = path.join(uploadsDir(dataDir), `${Date.now()}-${crypto.randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, safeFileName(name, 'upload'));
  fs.writeFileSync(file, body);
  return file;
}

/** An uploaded copy is deleted once its import is done with (committed, replaced or finished). */
export function discardUpload(dataDir: string, file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (path.dirname(dir) === path.resolve(uploadsDir(dataDir))) fs.rmSync(dir, { recursive: true, force: true });
}

/** At start: uploads older than a day belong to no dry run any more (they hold full ID numbers). */
export function clearOldUploads(dataDir: string, now: Date): void {
  const root = uploadsDir(dataDir);
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const p = path.join(root, name);
    try {
      if (now.getTime() - fs.lstatSync(p).mtimeMs > 24 * 3600 * 1000) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}
