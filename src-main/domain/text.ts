// One set of checks for the words a person is recorded under, wherever they come from: the
// desk, a roster file, a department's list. The same text is the same person's name only if
// it is the same characters: full-width letters folded (NFKC), no invisible characters.

export type TextKind = 'name' | 'relation' | 'address' | 'place';

const RULES: Record<TextKind, { label: string; max: number }> = {
  name: { label: '姓名', max: 30 },
  relation: { label: '与户主关系', max: 10 },
  address: { label: '地址', max: 100 },
  place: { label: '名称', max: 60 },
};

export const TEXT_LIMITS = Object.fromEntries(Object.entries(RULES).map(([k, r]) => [k, r.max])) as Record<TextKind, number>;

// Chinese characters, ASCII letters and digits, the middle dot of minority names, and
// ordinary punctuation: such text is already NFKC and has nothing invisible in it.
const PLAIN = /^[\u4e00-\u9fffA-Za-z0-9·\-()（）、，,.#/ ]*$/;
// Controls (NUL, tab, line breaks), format characters (zero-width space and joiners, BOM,
// bidirectional overrides, soft hyphen), line and paragraph separators, private use.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/u;

export type TextCheck = { ok: true; value: string } | { ok: false; message: string };

/** The text as it is kept (NFKC, trimmed, inner spaces single), or why it cannot be. */
export function checkText(kind: TextKind, raw: string, label = RULES[kind].label): TextCheck {
  const max = RULES[kind].max;
  // A bound before any work: a million-character cell is refused without being normalised.
  if (raw.length > max * 4 + 16) return { ok: false, message: `${label}超过 ${max} 个字。` };
  let s: string;
  if (PLAIN.test(raw)) {
    // The only white space plain text can hold is the ordinary space.
    s = raw.trim();
    if (s.indexOf('  ') !== -1) s = s.replace(/ {2,}/g, ' ');
  } else {
    if (INVISIBLE.test(raw)) return { ok: false, message: `${label}里有看不见的字符（控制符或零宽字符），请删掉后重新输入。` };
    s = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  }
  // Characters, not UTF-16 units: a rare character outside the BMP counts once.
  if (s.length > max && [...s].length > max) return { ok: false, message: `${label}超过 ${max} 个字。` };
  return { ok: true, value: s };
}

const PHONE = /^(\d{7,12}|1\d{10}|\d{3,4}-\d{7,8})$/;

/** A phone number (full-width digits folded, spaces dropped), '' for none, or why not. */
export function checkPhone(raw: string): TextCheck {
  if (raw.length > 40) return { ok: false, message: '联系电话格式不对（手机 11 位，或区号-号码）。' };
  // Most phones are digits already; NFKC (for full-width digits) costs on a million rows.
  const s = /^[\d-]*$/.test(raw) ? raw : raw.normalize('NFKC').replace(/\s+/g, '');
  if (s && !PHONE.test(s)) return { ok: false, message: `联系电话“${s}”格式不对（手机 11 位，或区号-号码）。` };
  return { ok: true, value: s };
}
