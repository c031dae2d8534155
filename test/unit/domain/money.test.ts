import { describe, expect, it } from 'vitest';
import { chineseCapitals, formatYuan, formatYuan2 } from '../../../src-main/domain/money';

describe('money at the edge', () => {
  it.each([
    [38000, '380', '380.00'],
    [3800, '38', '38.00'],
    [3850, '38.50', '38.50'],
    [5, '0.05', '0.05'],
    [0, '0', '0.00'],
    [-37500, '-375', '-375.00'],
  ])('%i fen is %s yuan', (fen, short, two) => {
    expect(formatYuan(fen)).toBe(short);
    expect(formatYuan2(fen)).toBe(two);
  });

  it.each([
    [38000, '叁佰捌拾元整'],
    [3800, '叁拾捌元整'],
    [34200, '叁佰肆拾贰元整'],
    [37500, '叁佰柒拾伍元整'],
    [102000, '壹仟零贰拾元整'],
    [100500, '壹仟零伍元整'],
    [1000500, '壹万零伍元整'],
    [10050000, '壹拾万零伍佰元整'],
    [100000000, '壹佰万元整'],
    [1000000000000, '壹佰亿元整'],
    [3805, '叁拾捌元零伍分'],
    [3850, '叁拾捌元伍角'],
    [3856, '叁拾捌元伍角陆分'],
    [50, '伍角'],
    [5, '伍分'],
    [0, '零元整'],
  ])('%i fen in capitals is %s', (fen, text) => expect(chineseCapitals(fen)).toBe(text));

  it('refuses a non-integer amount', () => {
    expect(() => formatYuan(0.5)).toThrow(RangeError);
    expect(() => chineseCapitals(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });
});
