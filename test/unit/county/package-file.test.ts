// Issue 31's package file: a real zip (Python's zipfile reads it), read back only as canbao's
// three stored parts; zips made by Python's zipfile that are not (a bomb, a fourth part, another
// name, a deflated part), an Excel workbook renamed, and cut-short or random bytes are refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readPackageFile, writePackageFile, PackageRefused } from '../../../src-main/county/package-file';
import { keyFingerprint, newKeyPairs, open, seal } from '../../../src-main/county/seal';
import { tempDirs } from '../../helpers/ledger';

const township = newKeyPairs();
const county = newKeyPairs();
const sealed = seal({ payload: Buffer.from('{"a":1}\n'.repeat(1000)), manifest: { sequence: 1 }, signer: township.signing, recipient: county.box.publicKey });
const dirs = tempDirs();
afterEach(dirs.cleanup);

/** A zip written by Python's zipfile: entries [name, bytes-as-text ('@zeros:N' for N zero bytes), deflated?]. */
function pythonZip(entries: [string, string, boolean][]): Buffer {
  const file = path.join(dirs.fresh(), 'x.canbao');
  const script = `import zipfile,sys,json
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    for name, text, deflate in json.loads(sys.argv[2]):
        data = bytes(int(text[7:])) if text.startswith('@zeros:') else text.encode()
        z.writestr(name, data, zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED)`;
  execFileSync('python3', ['-c', script, file, JSON.stringify(entries)]);
  return fs.readFileSync(file);
}

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await readPackageFile(bytes);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(PackageRefused);
    return (e as Error).message;
  }
}

describe('a package file', () => {
  it('is a zip another tool reads, and reads back to the package it holds', async () => {
    const bytes = writePackageFile(sealed);
    const file = path.join(dirs.fresh(), '农坝镇-上报-2024-11-01.canbao');
    fs.writeFileSync(file, bytes);
    const listed = execFileSync('python3', [
      '-c',
      'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(",".join(z.namelist()))',
      file,
    ])
      .toString()
      .trim();
    expect(listed).toBe('canbao-package.json,canbao-package.sig,payload.bin');
    const back = await readPackageFile(bytes);
    const r = open(back, { box: county.box, signerKey: (f) => (f === keyFingerprint(township.signing.publicKey) ? township.signing.publicKey : null) });
    expect(r.ok).toBe(true);
  });

  it.each([
    [
      'a bomb: a part that unpacks to 200 MB',
      [
        ['canbao-package.json', '{}', false],
        ['canbao-package.sig', 'x', false],
        ['payload.bin', '@zeros:209715200', true],
      ],
      '不是 canbao 的包该有的',
    ],
    [
      'a fourth part',
      [
        ['canbao-package.json', '{}', false],
        ['canbao-package.sig', 'x', false],
        ['payload.bin', 'x', false],
        ['readme.txt', 'hi', false],
      ],
      '有 4 个部件',
    ],
    [
      'a part of another name',
      [
        ['canbao-package.json', '{}', false],
        ['canbao-package.sig', 'x', false],
        ['../payload.bin', 'x', false],
      ],
      '不是 canbao 的',
    ],
    [
      'a part twice',
      [
        ['canbao-package.json', '{}', false],
        ['payload.bin', 'x', false],
        ['payload.bin', 'y', false],
      ],
      '不是 canbao 的包该有的',
    ],
  ] as [string, [string, string, boolean][], string][])(
    'refuses %s',
    async (_what, entries, why) => {
      expect(await refusal(pythonZip(entries))).toContain(why);
    },
    60_000,
  );

  it('refuses an Excel workbook renamed, a file cut short, and bytes that are no zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('附件3').addRow(['乡镇', '参保人数']);
    expect(await refusal(Buffer.from(await wb.xlsx.writeBuffer()))).not.toBe('');
    const bytes = writePackageFile(sealed);
    expect(await refusal(bytes.subarray(0, bytes.length - 30))).toContain('不是 canbao 的上报包或下发包');
    expect(await refusal(bytes.subarray(0, 100))).not.toBe('');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (junk) => {
        expect(await refusal(Buffer.from(junk))).not.toBe('');
      }),
      { numRuns: 200 },
    );
  });
});
