// Whatever a file holds, reading it ends: with rows, or with a Chinese refusal (a
// TableReadError), never another exception, never more rows than the file has row tags,
// never a row wider than Excel allows. Valid workbooks and CSVs are mutated as a broken disk,
// a careless tool or a hostile sender would: cut short, bytes flipped, closing tags dropped
// or repeated, references inflated, entities broken, parts repeated, sizes lied about.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, TableReadError } from '../../../src-main/excel/table';
import { SHEET_LIMITS } from '../../../src-main/excel/sheet-scanner';
import { csvLine } from '../../helpers/files';
import { tempDir } from '../../helpers/ledger';
import { workbookParts, zip, type ZipPart } from '../../helpers/zip';

const dir = tempDir('canbao-fuzz-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileOf = (bytes: Buffer, ext: string) => {
  const f = path.join(dir, `f${n++}.${ext}`);
  fs.writeFileSync(f, bytes);
  return f;
};

const CHINESE = /[\u4e00-\u9fff]/;
const WALL_MS = 10_000;

/** Reads a file and says how it ended; fails the property on anything but rows or a Chinese refusal. */
async function outcome(file: string, rowTags: number): Promise<'rows' | 'refused'> {
  let rows = 0;
  const started = Date.now();
  let ended: 'rows' | 'refused' = 'rows';
  try {
    await readTable(file, (cells) => {
      rows++;
      if (cells.length > SHEET_LIMITS.columns) throw new Error(`a row of ${cells.length} cells`);
    });
  } catch (e) {
    if (!(e instanceof TableReadError)) throw new Error(`not a refusal: ${e instanceof Error ? e.stack : String(e)}`);
    if (!CHINESE.test(e.message)) throw new Error(`a refusal not in Chinese: ${e.message}`);
    ended = 'refused';
  }
  // A backstop only: the machine has 2 cores and is shared with the rest of the suite.
  if (Date.now() - started > WALL_MS) throw new Error(`took ${Date.now() - started} ms`);
  if (rows > rowTags) throw new Error(`${rows} rows from ${rowTags} row tags`);
  return ended;
}

const cellText = fc.oneof(
  fc.constantFrom('姓名', '身份证号', '村（社区）', '户号', '张三', '500235196005010117', '幸福村', '0001', '一档', '<&>"\'', ''),
  fc.string({ maxLength: 12 }),
);
const table = fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });

type XmlMutation = (xml: string, at: number) => string;
const cutAt = (xml: string, at: number) => xml.slice(0, Math.floor(at * xml.length));
const XML_MUTATIONS: Record<string, XmlMutation> = {
  truncate: cutAt,
  dropClose: (xml, at) => {
    const tags = [...xml.matchAll(/<\/(c|row|v|t|si|sheetData)>/g)];
    const m = tags[Math.floor(at * tags.length)];
    return m ? xml.slice(0, m.index) + xml.slice(m.index + m[0].length) : xml;
  },
  repeatClose: (xml, at) => {
    const tags = [...xml.matchAll(/<\/?(c|row|v|t|si)\b[^>]*>/g)];
    const m = tags[Math.floor(at * tags.length)];
    return m ? xml.slice(0, m.index) + m[0] + xml.slice(m.index) : xml;
  },
  inflateColumn: (xml) => xml.replace(/ r="([A-Z]+)(\d+)"/, ' r="ZZZZZZZZ$2"'),
  inflateRow: (xml) => xml.replace(/<row r="\d+"/, '<row r="99999999999"'),
  badEntity: (xml, at) => {
    const i = xml.indexOf('<t>') === -1 ? xml.indexOf('<v>') : xml.indexOf('<t>');
    const bad = ['&#99999999;', '&#0;', '&bogus;', '&', '&#xD800;'][Math.floor(at * 5)]!;
    return i === -1 ? xml : xml.slice(0, i + 3) + bad + xml.slice(i + 3);
  },
  hugeIndex: (xml) => xml.replace(/<v>\d+<\/v>/, '<v>4294967296</v>'),
  garbage: (xml, at) => {
    const i = Math.floor(at * xml.length);
    return xml.slice(0, i) + '<<x y="<"/ <c <row </' + xml.slice(i);
  },
};
const PARTS = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

const rowTagsOf = (sheet: string) => (sheet.match(/<row\b/g) ?? []).length;

describe('the xlsx reader on mutated workbooks', () => {
  it('ends every XML mutation with rows or a Chinese refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(...PARTS),
        fc.constantFrom(...Object.keys(XML_MUTATIONS)),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        async (rows, part, how, at) => {
          const parts = workbookParts(rows);
          parts[part] = XML_MUTATIONS[how]!(parts[part]!, at);
          const file = fileOf(zip(Object.entries(parts).map(([name, data]) => ({ name, data }))), 'xlsx');
          await outcome(file, rowTagsOf(parts['xl/worksheets/sheet1.xml']!));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ends every package mutation: parts dropped, repeated, stored, or with sizes that lie', async () => {
    const mutation = fc.constantFrom('drop', 'repeat', 'stored', 'declareLess', 'declareMore', 'declareHuge');
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom(...PARTS), mutation, async (rows, part, how) => {
        const parts = workbookParts(rows);
        let list: ZipPart[] = Object.entries(parts).map(([name, data]) => ({ name, data }));
        const target = list.find((p) => p.name === part)!;
        const size = Buffer.byteLength(String(target.data));
        if (how === 'drop') list = list.filter((p) => p !== target);
        if (how === 'repeat') list.push({ ...target });
        if (how === 'stored') target.method = 0;
        if (how === 'declareLess') target.declaredSize = Math.max(0, size - 7);
        if (how === 'declareMore') target.declaredSize = size + 7;
        if (how === 'declareHuge') target.declaredSize = 0xfffffff0;
        const ended = await outcome(fileOf(zip(list), 'xlsx'), rowTagsOf(parts['xl/worksheets/sheet1.xml']!));
        // A package whose parts lie about themselves is never read as if whole.
        if (how === 'repeat' || how === 'declareLess' || how === 'declareMore' || how === 'declareHuge') expect(ended).toBe('refused');
      }),
      { numRuns: 150 },
    );
  });

  it('ends every byte-level mutation of the zip: cut short or bytes flipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (rows, flips, cut) => {
          const parts = workbookParts(rows);
          const bytes = zip(Object.entries(parts).map(([name, data]) => ({ name, data })));
          for (const [at, x] of flips) bytes[Math.floor(at * bytes.length)]! ^= x;
          const file = fileOf(cut ? bytes.subarray(0, Math.floor(flips[0]![0] * bytes.length)) : bytes, 'xlsx');
          await outcome(file, Number.MAX_SAFE_INTEGER);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const gbk = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });

describe('the CSV reader on mutated files', () => {
  it('ends every mutation with rows or a Chinese refusal', async () => {
    const mutation = fc.constantFrom('none', 'truncate', 'flip', 'openQuote', 'nul', 'utf16', 'repeatLine', 'crOnly');
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom('utf-8', 'gbk'),
        mutation,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 1, max: 255 }),
        async (rows, encoding, how, at, x) => {
          let text = rows.map(csvLine).join('\r\n') + '\r\n';
          if (how === 'openQuote') text = text.slice(0, Math.floor(at * text.length)) + '"' + text.slice(Math.floor(at * text.length));
          if (how === 'repeatLine') text += text.split('\r\n')[0]!.repeat(50);
          if (how === 'crOnly') text = text.replaceAll('\r\n', '\r');
          let bytes =
            how === 'utf16'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
              : encoding === 'gbk'
                ? gbk(text)
                : Buffer.from(text, 'utf8');
          if (how === 'truncate') bytes = bytes.subarray(0, Math.floor(at * bytes.length));
          if (how === 'flip' && bytes.length) bytes[Math.floor(at * bytes.length)]! ^= x;
          if (how === 'nul')
            bytes = Buffer.concat([bytes.subarray(0, Math.floor(at * bytes.length)), Buffer.from([0]), bytes.subarray(Math.floor(at * bytes.length))]);
          if (!bytes.length) return;
          const ended = await outcome(fileOf(bytes, 'csv'), Number.MAX_SAFE_INTEGER);
          if (how === 'utf16' || how === 'nul') expect(ended).toBe('refused');
        },
      ),
      { numRuns: 300 },
    );
  });
});
