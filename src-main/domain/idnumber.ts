// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
// (odd = male), check character (ISO 7064 MOD 11-2). Old 15-digit numbers lack the
// century and the check character.
import { isIsoDate, type IsoDate } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// Province-level prefixes of GB/T 2260, plus 71/81/82 used on mainland-issued numbers.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

export type IdProblem =
  'empty' | 'bad_length' | 'bad_chars' | 'bad_area' | 'bad_birth_date' | 'future_birth_date' | 'bad_check_digit' | 'lost_to_number_format';

export interface IdInfo {
  /** The 18-character number, check character upper-case. */
  id: string;
  birthDate: IsoDate;
  sex: 'male' | 'female';
  areaCode: string;
  upgradedFrom15: boolean;
}

export type IdResult = { ok: true; value: IdInfo } | { ok: false; problem: IdProblem; message: string };

/** Digits only, except an X as the 18th character. */
function wellFormed(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (i === 17 && c === 88))) return false;
  }
  return true;
}

const fail = (problem: IdProblem, message: string): IdResult => ({ ok: false, problem, message });

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks and normalises an ID number. `today` (YYYY-MM-DD) rejects birth dates in the
 * future; omit it only where no date of reference exists.
 */
export function parseIdNumber(raw: string, today?: IsoDate): IdResult {
  // Most numbers arrive clean: skip the copies trim() and toUpperCase() would make.
  const s = raw.length === 18 && raw.charCodeAt(17) !== 120 ? raw : raw.trim().toUpperCase();
  if (!s) return fail('empty', '身份证号为空。');
  // What Excel leaves of an 18-digit number stored as a number: 4.12345678901234E+17.
  if (s.includes('E') && /^\d(\.\d+)?E\+\d+$/.test(s)) {
    return fail('lost_to_number_format', `身份证号被表格软件存成了数字（${s}），后几位已经丢失，请把该列设为文本后重新录入。`);
  }
  if (s.length !== 18 && s.length !== 15) return fail('bad_length', `身份证号应为 18 位（或旧的 15 位），现在是 ${s.length} 位。`);
  if (!wellFormed(s)) return fail('bad_chars', '身份证号只能由数字组成，18 位号码的最后一位可以是 X。');
  const upgradedFrom15 = s.length === 15;
  const first17 = upgradedFrom15 ? `${s.slice(0, 6)}19${s.slice(6, 15)}` : s.slice(0, 17);
  if (!PROVINCES.has(Number(first17.slice(0, 2)))) {
    return fail('bad_area', `身份证号前两位 ${first17.slice(0, 2)} 不是有效的省级行政区划代码。`);
  }
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || birthDate < '1880-01-01') {
    return fail('bad_birth_date', `身份证号中的出生日期 ${first17.slice(6, 14)} 不是真实的日期。`);
  }
  if (today && birthDate > today) return fail('future_birth_date', `身份证号中的出生日期 ${birthDate} 晚于今天。`);
  const check = checkCharacter(first17);
  if (!upgradedFrom15 && s[17] !== check) {
    return fail('bad_check_digit', `身份证号校验位不对：按前 17 位计算，最后一位应是 ${check}，现在是 ${s[17]}。请核对号码。`);
  }
  return {
    ok: true,
    value: {
      id: first17 + check,
      birthDate,
      sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
      areaCode: first17.slice(0, 6),
      upgradedFrom15,
    },
  };
}
