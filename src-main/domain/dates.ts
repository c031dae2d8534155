// Dates are YYYY-MM-DD strings on the China calendar. Arithmetic goes through UTC
// midnight so the machine's time zone can never move a date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function mustParse(s: IsoDate): { y: number; m: number; d: number } {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not a date: ${s}`);
  return p;
}

export function addDays(s: IsoDate, n: number): IsoDate {
  const { y, m, d } = mustParse(s);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return formatIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
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
  return (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000;
}

/** ISO strings of this shape compare correctly as strings. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date in China for a given instant, whatever the machine's time zone. */
export function chinaDate(instant: Date): IsoDate {
  const t = new Date(instant.getTime() + 8 * 3_600_000);
  return formatIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole years of age on a date (a birthday on 02-29 falls on 03-01 in other years). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = mustParse(birth);
  const o = mustParse(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}
