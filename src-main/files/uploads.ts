// Files the browser host receives (a roster, a department's list): each in a fresh folder under
// the data folder, kept only while an import needs it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { safeFileName } from './outputs';

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Too many bytes came: the upload was stopped and nothing of it kept. */
export class UploadTooLarge extends Error {}

/**
 * Files sent by the browser host land in a fresh folder each, under a safe form of their name.
 * The bytes go to disk as they come (a 500 MB upload once sat whole in memory); a body past
 * `limit`, a broken connection or a full disk leaves nothing behind and rethrows.
 */
export async function receiveUpload(dataDir: string, name: string, body: AsyncIterable<Buffer | string> | Iterable<Buffer>, limit: number): Promise<string> {
  const dir = path.join(uploadsDir(dataDir), `${Date.now()}-${crypto.randomBytes(4).toString('hex')}`);
  const file = path.join(dir, safeFileName(name, 'upload'));
  try {
    fs.mkdirSync(dir, { recursive: true });
    const out = fs.createWriteStream(file, { flags: 'wx' });
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => {});
    try {
      let size = 0;
      for await (const chunk of body) {
        size += chunk.length;
        if (size > limit) throw new UploadTooLarge();
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      }
      out.end();
      await Promise.race([once(out, 'close'), failed]);
    } finally {
      // Closed before the folder is removed (Windows will not remove an open file).
      if (!out.closed) {
        out.destroy();
        await once(out, 'close').catch(() => {});
      }
    }
    return file;
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Whether `file` is a regular file inside an upload's own folder (links resolved): the only
 * files a browser tab may have read, since the page cannot hand over a path of its own.
 */
export function isUpload(dataDir: string, file: string): boolean {
  if (!file || file.includes('\0')) return false;
  try {
    const root = fs.realpathSync(uploadsDir(dataDir));
    const resolved = path.resolve(file);
    if (!fs.lstatSync(resolved).isFile()) return false;
    const real = fs.realpathSync(resolved);
    return path.dirname(path.dirname(real)) === root;
  } catch {
    return false;
  }
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
