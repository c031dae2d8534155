import { describe, expect, it } from 'vitest';
import { SharedStringsScanner, SheetScanner } from '../../../src-main/excel/sheet-scanner';

const SST = `<?xml version="1.0"?><sst xmlns="x" count="3"><si><t>张三</t></si><si><r><t>欧阳</t></r><r><rPr><b/></rPr><t xml:space="preserve">娜娜 </t></r><rPh sb="0" eb="1"><t>オウヨウ</t></rPh></si><si><t/></si><si><t>A&amp;B &lt;1&gt; &#20013;&#x6587;</t></si></sst>`;
const SHEET = `<worksheet><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>内联&quot;文字&quot;</t></is></c></row><row r="2"/><row r="4"><c r="B4"><v>5.00235198807151E+17</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" s="3"/><c r="F4" t="str"><f>A1</f><v>公式</v></c></row><row r="5"><c r="A5" t="s"><v>1</v></c><c r="B5" t="s"><v>3</v></c></row></sheetData><rowBreaks count="1"><brk id="5"/></rowBreaks></worksheet>`;

function scan(chunkSize: number) {
  const sst = new SharedStringsScanner();
  for (let i = 0; i < SST.length; i += chunkSize) sst.write(SST.slice(i, i + chunkSize));
  const rows: [number, string[]][] = [];
  const s = new SheetScanner(sst.strings, (cells, n) => rows.push([n, cells]));
  for (let i = 0; i < SHEET.length; i += chunkSize) s.write(SHEET.slice(i, i + chunkSize));
  s.end();
  return { strings: sst.strings.toArray(), rows };
}

describe('the worksheet scanner', () => {
  it.each([1, 2, 3, 7, 64, 100_000])('reads the same whatever the chunk size (%i)', (size) => {
    const { strings, rows } = scan(size);
    expect(strings).toEqual(['张三', '欧阳娜娜 ', '', 'A&B <1> 中文']);
    expect(rows).toEqual([
      [1, ['张三', '', '内联"文字"']],
      [2, []],
      [4, ['', '5.00235198807151E+17', '', 'TRUE', '', '公式']],
      [5, ['欧阳娜娜 ', 'A&B <1> 中文']],
    ]);
  });

  it('says so when the sheet stops in the middle of a row', () => {
    const sst = new SharedStringsScanner();
    sst.write(SST);
    const s = new SheetScanner(sst.strings, () => {});
    s.write(SHEET.slice(0, SHEET.indexOf('<row r="5">') + 20));
    expect(() => s.end()).toThrow('不完整');
  });
});
