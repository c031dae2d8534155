// Money is integer fen below the UI; these format it at the edge.

export function assertFen(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer amount of fen: ${n}`);
  return n;
}

/** 38000 → "380", 3850 → "38.50": whole yuan without decimals, as the notices print them. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  const yuan = Math.floor(a / 100);
  const rest = a % 100;
  return rest === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(rest).padStart(2, '0')}`;
}

/** Always two decimals, for receipts and money columns: 38000 → "380.00". */
export function formatYuan2(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** 0 < n < 10000, with one 零 for each run of inner zeros: 1005 → 壹仟零伍. */
function fourDigits(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) out += '零';
    out += DIGITS[d]! + SMALL_UNITS[i]!;
    pendingZero = false;
  }
  return out;
}

function yuanCapitals(yuan: number): string {
  const groups: number[] = [];
  for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const chunk = groups[g]!;
    if (chunk === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (out !== '' && (pendingZero || chunk < 1000)) out += '零';
    out += fourDigits(chunk) + BIG_UNITS[g]!;
    pendingZero = false;
  }
  return out;
}

/** 人民币大写, as written on receipts: 38000 → 叁佰捌拾元整, 3805 → 叁拾捌元零伍分. */
export function chineseCapitals(fen: number): string {
  assertFen(fen);
  if (fen < 0) return `负${chineseCapitals(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = yuan > 0 ? `${yuanCapitals(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao !== 0) out += `${DIGITS[jiao]}角`;
  else if (out) out += '零';
  if (fenDigit !== 0) out += `${DIGITS[fenDigit]}分`;
  return out;
}
