// Turning the text of a spreadsheet cell into a value, the way offices type them.
import { formatIsoDate, isIsoDate, addDays } from '../dates';

/** Printable ASCII without spaces and not starting with an apostrophe: already clean. */
function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return s.charCodeAt(0) !== 39;
}

/** Full-width digits and letters folded, spaces and stray apostrophes (Excel's text marker) gone. */
export function cleanCell(s: string): string {
  // Most cells (ID numbers, phones, household numbers) are plain already; NFKC costs.
  if (plainAscii(s)) return s;
  return s.normalize('NFKC').replace(/^'/, '').replace(/\s+/g, '').trim();
}

/**
 * 2023-11-01, 2023/11/1, 2023.11.01, 2023年11月1日, 20231101, any of them followed by a time
 * of day, or an Excel date serial (days since 1899-12-30, as a date cell stores it).
 */
export function parseDateCell(raw: string): string | null {
  // 税务 and 医保 exports write the moment paid (2023-11-05 10:23:45): the day is the date.
  const s = cleanCell(
    raw
      .normalize('NFKC')
      .trim()
      .replace(/(?:[T\s]+|(?<=日))\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/, ''),
  );
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = formatIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return isIsoDate(d) ? d : null;
  }
  m = /^(\d{5})(\.\d+)?$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    if (serial > 20000 && serial < 80000) return addDays('1899-12-30', serial);
  }
  return null;
}

/** 380, 380.00, ￥380, 380元 → 38000 fen; null when not an amount. */
export function parseYuanCell(raw: string): number | null {
  const t = cleanCell(raw)
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  // Commas only as thousands (1,234.50): "3,42" is a decimal comma, not 342.
  if (t.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(t)) return null;
  const s = t.replace(/,/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  const [int, dec = ''] = s.replace('-', '').split('.');
  const fen = Number(int) * 100 + Number(dec.padEnd(2, '0'));
  // Beyond what counts exactly is not money anyone paid.
  if (!Number.isSafeInteger(fen) || int!.length > 12) return null;
  return s.startsWith('-') ? -fen : fen;
}

/** 一档/1/一/档次一 → 1; 二档/2 → 2; a longer word holding one tier (城乡居民一档, 一档(380元)) too. */
export function parseTierCell(raw: string): 1 | 2 | null {
  const s = cleanCell(raw);
  if (/^(1|一|一档|档次一|第一档|1档)$/.test(s)) return 1;
  if (/^(2|二|二档|档次二|第二档|2档)$/.test(s)) return 2;
  const one = /一档|第一档|档次一|1档/.test(s);
  const two = /二档|第二档|档次二|2档/.test(s);
  return one !== two ? (one ? 1 : 2) : null;
}
