// Dates are YYYY-MM-DD strings on the China calendar. Arithmetic is on integer day
// numbers, never on Date objects, so the machine's time zone can never move a date.

export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

// Hand-rolled rather than a RegExp and a Date: quotes parse dates millions of times.
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return null;
  return { y, m, d };
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  const ys = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${ys}-${TWO[m] ?? String(m)}-${TWO[d] ?? String(d)}`;
}

function mustParse(s: IsoDate): { y: number; m: number; d: number } {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not a date: ${s}`);
  return p;
}

// Days since 1970-01-01 and back, in integers (H. Hinnant's civil calendar algorithms).
function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(z: number): IsoDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(s: IsoDate, n: number): IsoDate {
  const { y, m, d } = mustParse(s);
  return fromDays(toDays(y, m, d) + n);
}

/** Calendar months, clamped to the target month's last day (03-31 + 3 → 06-30). */
export function addMonths(s: IsoDate, n: number): IsoDate {
  const { y, m, d } = mustParse(s);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return formatIsoDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** 次月1日: the first day of the month after the date. */
export function firstOfNextMonth(s: IsoDate): IsoDate {
  const { y, m } = mustParse(s);
  return m === 12 ? formatIsoDate(y + 1, 1, 1) : formatIsoDate(y, m + 1, 1);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = mustParse(from);
  const b = mustParse(to);
  return toDays(b.y, b.m, b.d) - toDays(a.y, a.m, a.d);
}

/** ISO strings of this shape compare correctly as strings. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date in China for a given instant, whatever the machine's time zone. */
export function chinaDate(instant: Date): IsoDate {
  return fromDays(Math.floor((instant.getTime() + 8 * 3_600_000) / 86_400_000));
}

/** Whole years of age on a date (a birthday on 02-29 falls on 03-01 in other years). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = mustParse(birth);
  const o = mustParse(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}

/** The Monday of the week a date falls in (weeks run Monday to Sunday, as offices report them). */
export function weekStart(s: IsoDate): IsoDate {
  const sinceMonday = ((daysBetween('1970-01-05', s) % 7) + 7) % 7;
  return addDays(s, -sinceMonday);
}
