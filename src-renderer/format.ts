// Display helpers: money arrives in fen; the screen shows yuan. Labels for codes come from
// the main process (`glossary.get`), so there is one table of them.

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

// One formatter each, made once: toLocaleString with a time zone builds a new one on every call,
// a millisecond each on an old PC, and 工作台 asked for today some hundred times as it drew.
const CHINA_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });
const CHINA_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Today at the desk, as YYYY-MM-DD in China's time (the ledger's day). */
export const deskToday = () => CHINA_DAY.format(new Date());

/**
 * Basis points (5000) as "50.00%". The main process cuts rates to basis points
 * (`rateBp` in domain/progress) and the screens and papers only format them.
 */
/** enrolled / target in basis points, rounded half up as the main process rounds (docs/rules.md "Rates"). */
export function rateBp(enrolled: number, target: number): number | null {
  return target > 0 ? Math.floor((2 * enrolled * 10000 + target) / (2 * target)) : null;
}

export function percent(bp: number | null, empty = ''): string {
  return bp === null ? empty : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** A stored moment (ISO, UTC) as the desk reads it: "2024-01-10 10:00" in China's time. */
export const chinaTime = (iso: string) => CHINA_MINUTE.format(new Date(iso));

/** 2023-10-24 → 2023年10月24日, as a notice's prose writes a date. */
export const chineseDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

/** A sentence of a notice ends with 。 (a policy's quoted text may stop without one). */
export const sentence = (s: string) => (/[。！？；：]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);
