// Files the browser host receives (a roster, a department's list): each in a fresh folder under
// the data folder, kept only while an import needs it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { directlyIn, safeFileName, singleNamedFile } from './outputs';

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Too many bytes came: the upload was stopped and nothing of it kept. */
export class UploadTooLarge extends Error {}

/** The uploads waiting for their imports already hold this much: no more until some are done with. */
export class UploadsFull extends Error {}

/** All the uploads together, at most (each is at most 512 MB); smaller only in tests. */
export const UPLOAD_LIMITS = { quota: 2 * 1024 * 1024 * 1024 };

/**
 * Uploads older than this go (the screen says so: 一小时前上传的会自动让出空间), unless a dry run
 * still reads them: they hold full ID numbers, and a run once left 601 MB of them.
 */
export const STALE_MS = 3600 * 1000;

/** The tag of the window or tab an upload belongs to, in its folder's name (the caller key itself is a secret). */
const ownerTag = (owner: string) => crypto.createHash('sha256').update(owner).digest('hex').slice(0, 12);

/** Upload folders a dry run is reading or will read again (its problem report, a corrected mapping), with how many hold each. */
const held = new Map<string, number>();
const folderOf = (file: string) => path.dirname(path.resolve(file));

/** A dry run reads this file, now or later: it stays past the hour until released. */
export function holdUpload(file: string): void {
  held.set(folderOf(file), (held.get(folderOf(file)) ?? 0) + 1);
}

export function releaseUpload(file: string): void {
  const n = (held.get(folderOf(file)) ?? 0) - 1;
  if (n > 0) held.set(folderOf(file), n);
  else held.delete(folderOf(file));
}

function folders(dataDir: string): { dir: string; mtimeMs: number; bytes: number }[] {
  const root = uploadsDir(dataDir);
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((name) => {
    const dir = path.join(root, name);
    try {
      const bytes = fs.readdirSync(dir).reduce((n, f) => n + fs.lstatSync(path.join(dir, f)).size, 0);
      return [{ dir, mtimeMs: fs.lstatSync(dir).mtimeMs, bytes }];
    } catch {
      return [];
    }
  });
}

/**
 * Removes the uploads older than an hour that no dry run holds: at start, on every new upload and
 * every few minutes in the browser host. `now` is real time (Date.now()), as the folders' times are.
 */
export function clearStaleUploads(dataDir: string, now: number): void {
  const root = uploadsDir(dataDir);
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    try {
      if (now - fs.lstatSync(dir).mtimeMs > STALE_MS && !held.has(path.resolve(dir))) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or still open elsewhere (Windows): tried again next time
    }
  }
}

/** Makes room for `incoming` bytes within the quota after the stale uploads went; throws UploadsFull if there is none. */
function makeRoom(dataDir: string, incoming: number, now: number): void {
  clearStaleUploads(dataDir, now);
  const used = folders(dataDir).reduce((n, f) => n + f.bytes, 0);
  if (used + incoming > UPLOAD_LIMITS.quota) throw new UploadsFull();
}

/**
 * Files sent by the browser host land in a fresh folder each, under a safe form of their name.
 * The bytes go to disk as they come (a 500 MB upload once sat whole in memory); a body past
 * `limit`, a broken connection or a full disk leaves nothing behind and rethrows.
 */
export async function receiveUpload(
  dataDir: string,
  name: string,
  body: AsyncIterable<Buffer | string> | Iterable<Buffer>,
  limit: number,
  owner: string,
  declared = 0,
): Promise<string> {
  makeRoom(dataDir, declared, Date.now());
  const dir = path.join(uploadsDir(dataDir), `${Date.now()}-${crypto.randomBytes(4).toString('hex')}-${ownerTag(owner)}`);
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
        // A body without a declared length is held to the quota as it comes.
        if (size > declared && size % (64 * 1024 * 1024) < chunk.length) makeRoom(dataDir, size, Date.now());
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
 * Whether `file` is a regular file that `owner` uploaded, inside that upload's own folder
 * (links resolved, no second name): the only files a browser tab may have read, since the page
 * cannot hand over a path of its own, and another tab's upload is not its to read.
 */
export function isUpload(dataDir: string, file: string, owner: string): boolean {
  const real = singleNamedFile(file);
  if (!real) return false;
  const folder = path.dirname(real);
  return directlyIn(folder, uploadsDir(dataDir)) && path.basename(folder).endsWith(`-${ownerTag(owner)}`);
}

/** An uploaded copy is deleted once its import is done with (committed, replaced or finished). */
export function discardUpload(dataDir: string, file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (path.dirname(dir) === path.resolve(uploadsDir(dataDir))) fs.rmSync(dir, { recursive: true, force: true });
}
