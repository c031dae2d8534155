// The header row told by its shape, for a file whose header words the program mostly does not
// know: title lines above it (one long or merged cell, or 填报单位：… beside 日期：…) are skipped,
// data rows below it hold numbers, dates and ID numbers. Pure.
import { mapHeaders, type HeaderWords } from './fields';

const filled = (row: string[]) => row.filter((c) => c.trim()).length;

// A value, not a column's name: a number, an amount, a date, an ID number.
const VALUE = /^([+-]?[\d,]+(\.\d+)?%?|\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?|\d{15}|\d{17}[\dXx])$/;
// 填报单位：幸福村, 日期：2024年1月: a label with its value is a title line's, not a header's.
const LABELLED = /[:：]\s*\S/;

function headerLike(row: string[], widest: number): boolean {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 && cells.length * 2 >= widest && !cells.some((c) => VALUE.test(c.replace(/\s/g, '')) || LABELLED.test(c));
}

/**
 * Index (among the rows given) of the row that reads as the header: among rows as wide as the
 * table (at least half its widest row) holding names rather than values, the one whose words
 * name the most fields; the first of them when none is named. Null when no row looks like one.
 */
export function headerRowByShape(words: HeaderWords, rows: string[][]): number | null {
  const head = rows.slice(0, 30);
  const widest = Math.max(0, ...head.map(filled));
  let best: { at: number; named: number } | null = null;
  head.forEach((row, at) => {
    if (!headerLike(row, widest)) return;
    const named = Object.keys(mapHeaders(words, row)).length;
    if (!best || named > best.named) best = { at, named };
  });
  return (best as { at: number } | null)?.at ?? null;
}
