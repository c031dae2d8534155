import { describe, expect, it } from 'vitest';
import { fieldForHeader as fieldIn, guessHeader as guessIn, layoutSignature } from '../../../src-main/domain/import/fields';
import { headerWords } from '../../../src-main/policies/header-words';

const fieldForHeader = (h: string) => fieldIn(headerWords(), h);
const guessHeader = (rows: string[][], required: Parameters<typeof guessIn>[2]) => guessIn(headerWords(), rows, required);
import { parseDateCell, parseTierCell, parseYuanCell } from '../../../src-main/domain/import/values';

describe('headers', () => {
  it.each([
    ['公民身份号码', 'idNumber'],
    ['身份证号码（必填）', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['手机号码', 'phone'],
    ['村(居)', 'village'],
    ['村 / 社区', 'village'],
    ['缴费金额（元）', 'amount'],
    ['与户主关系', 'relation'],
    ['资助类别', 'category'],
    ['费款所属期', 'coverageYear'],
    ['备注', undefined],
  ])('%s → %s', (h, f) => expect(fieldForHeader(h)).toBe(f));

  it('finds the header under title rows', () => {
    const g = guessHeader(
      [['农坝镇花名册'], ['填报单位：农坝镇', '', '2023年10月'], ['序号', '姓名', '身份证号', '村'], ['1', '张三', 'x', '幸福村']],
      ['idNumber', 'name'],
    );
    expect(g).toMatchObject({ dataStart: 3, mapping: { name: 1, idNumber: 2, village: 3 } });
  });

  it('joins a two-row merged header', () => {
    const g = guessHeader(
      [
        ['姓名', '身份证号', '缴费信息', ''],
        ['', '', '缴费日期', '缴费金额'],
        ['张三', 'x', '2023-11-01', '380'],
      ],
      ['idNumber', 'paidOn', 'amount'],
    );
    expect(g).toMatchObject({ dataStart: 2, mapping: { name: 0, idNumber: 1, paidOn: 2, amount: 3 } });
  });

  it('gives the same layout signature to the same headers however they are spaced', () => {
    expect(layoutSignature(['姓名', '身份证号 '])).toBe(layoutSignature([' 姓 名', '身份证号']));
  });

  it('returns nothing when no row looks like a header', () => {
    expect(
      guessHeader(
        [
          ['a', 'b'],
          ['1', '2'],
        ],
        ['idNumber'],
      ),
    ).toBeNull();
  });
});

describe('cell values', () => {
  it.each([
    ['2023-11-01', '2023-11-01'],
    ['2023/11/1', '2023-11-01'],
    ['2023.11.01', '2023-11-01'],
    ['2023年11月1日', '2023-11-01'],
    ['20231101', '2023-11-01'],
    ['45231', '2023-11-01'],
    ['2023-02-30', null],
    ['明天', null],
    // 税务's exports carry the moment paid.
    ['2023-11-05 10:23:45', '2023-11-05'],
    ['2023/11/5 9:05', '2023-11-05'],
    ['2023-11-05T10:23:45.123', '2023-11-05'],
    ['2023年11月5日 10:23', '2023-11-05'],
    ['2023-11-05 00:00:00', '2023-11-05'],
    ['2023-11-05 25', null],
    ['10:23:45', null],
  ])('date %j → %j', (raw, d) => expect(parseDateCell(raw)).toBe(d));

  it.each([
    ['380', 38000],
    ['38.00', 3800],
    ['￥380', 38000],
    ['1,020', 102000],
    ['380元', 38000],
    ['3.8.0', null],
    ['', null],
    // A decimal comma is not a thousands separator; an amount past exact counting is no payment.
    ['3,42', null],
    ['1,234,567.50', 123456750],
    ['99999999999999999999', null],
  ])('amount %j → %j fen', (raw, fen) => expect(parseYuanCell(raw)).toBe(fen));

  it.each([
    ['一档', 1],
    ['2', 2],
    ['二档', 2],
    ['三档', null],
    ['城乡居民一档', 1],
    ['二档（1020元）', 2],
    ['一档二档', null],
  ])('tier %j → %j', (raw, t) => expect(parseTierCell(raw)).toBe(t));
});
