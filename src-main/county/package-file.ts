// A package file (.canbao, issue 31) as it travels on a USB stick or by mail: a zip a person can
// open and see what it is, holding the sealed package's three parts stored as they are (the
// payload is encrypted, so compressing it would gain nothing). Read back only as exactly those
// three parts, stored, within bounds: anything else (a zip bomb, extra parts, a cut-short file)
// is refused in Chinese before any of it is opened.
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { Sealed } from './seal';

export const PARTS = { header: 'canbao-package.json', signature: 'canbao-package.sig', ciphertext: 'payload.bin' } as const;
/** A 1,000,000-person county's largest township is well under this. */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

export class PackageRefused extends Error {}

const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01: the file's bytes do not depend on when it was made

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** The zip's bytes: three stored entries, names in UTF-8, no extra fields. */
export function writePackageFile(s: Sealed): Buffer {
  const entries = [
    [PARTS.header, s.header],
    [PARTS.signature, s.signature],
    [PARTS.ciphertext, s.ciphertext],
  ] as const;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    // version 20, flag 0x0800 (UTF-8 names), method 0 (stored)
    const common = [u16(20), u16(0x0800), u16(0), u16(DOS_TIME), u16(DOS_DATE), u32(crc), u32(data.length), u32(data.length), u16(fileName.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, fileName, data]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, central, end]);
}

function fromBuffer(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, strictFileNames: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function readAll(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(e, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    }),
  );
}

const NOT_A_PACKAGE = '这不是 canbao 的上报包或下发包（.canbao），或文件没有拷完整。没有导入任何内容。';

/** The sealed package in a file's bytes, or PackageRefused with the reason in Chinese. */
export async function readPackageFile(bytes: Buffer): Promise<Sealed> {
  if (bytes.length > MAX_PACKAGE_BYTES) throw new PackageRefused('文件太大，不像是 canbao 的包。没有导入任何内容。');
  let zip: yauzl.ZipFile;
  try {
    zip = await fromBuffer(bytes);
  } catch {
    throw new PackageRefused(NOT_A_PACKAGE);
  }
  if (zip.entryCount !== 3) throw new PackageRefused(`包里有 ${zip.entryCount} 个部件，canbao 的包只有 3 个：文件被改动过，或不是 canbao 的包。`);
  const found = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        const wanted = Object.values(PARTS) as string[];
        // Stored only: a part's size on disk is its size, so nothing can unpack to more than the file.
        if (!wanted.includes(e.fileName) || found.has(e.fileName) || e.compressionMethod !== 0 || e.uncompressedSize !== e.compressedSize)
          return reject(new PackageRefused(`包里的部件「${e.fileName.slice(0, 60)}」不是 canbao 的包该有的：文件被改动过，或不是 canbao 的包。`));
        if (e.fileName === PARTS.header && e.uncompressedSize > MAX_HEADER_BYTES) return reject(new PackageRefused('包头太大：文件被改动过。'));
        readAll(zip, e).then((data) => {
          found.set(e.fileName, data);
          zip.readEntry();
        }, reject);
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch (e) {
    throw e instanceof PackageRefused ? e : new PackageRefused(NOT_A_PACKAGE);
  } finally {
    zip.close();
  }
  return { header: found.get(PARTS.header)!, signature: found.get(PARTS.signature)!, ciphertext: found.get(PARTS.ciphertext)! };
}
