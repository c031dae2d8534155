// The facts a quote is asked about, checked before any rule is applied. Malformed facts
// are refused (FactsError) rather than quoted: a wrong check digit is a typing mistake to
// correct, not a person out of scope.
import { PERSON_CATEGORIES, RESIDENCES, STUDENT_KINDS, codeChoices, isCode, type PersonCategory, type Residence, type StudentKind, type Tier } from '../codes';
import { isIsoDate } from '../dates';
import { parseIdNumber } from '../idnumber';

export interface Facts {
  idNumber?: string;
  birthDate?: string;
  residence?: Residence;
  employeeInsured?: boolean;
  student?: StudentKind;
  categories?: PersonCategory[];
  tier?: Tier;
  paidOn: string;
  lapsedYears?: number;
  continuousYears?: number;
  employeeInsuranceEndedOn?: string;
  dischargedOn?: string;
  specialEventOn?: string;
  guardianInsured?: boolean;
}

export interface CheckedFacts {
  birthDate: string | null;
  residence: Residence;
  employeeInsured: boolean;
  student: StudentKind;
  categories: ReadonlySet<string>;
  tier: Tier;
  paidOn: string;
  lapsedYears: number;
  continuousYears: number | null;
  employeeInsuranceEndedOn: string | null;
  dischargedOn: string | null;
  specialEventOn: string | null;
  guardianInsured: boolean;
}

export class FactsError extends Error {}

const NO_CATEGORIES: ReadonlySet<string> = new Set();

const DATE_FIELDS = {
  paidOn: '缴费日期',
  birthDate: '出生日期',
  employeeInsuranceEndedOn: '职工医保停保日期',
  dischargedOn: '退出现役日期',
  specialEventOn: '特殊情形发生日期',
} as const;

function date(f: Record<string, unknown>, key: keyof typeof DATE_FIELDS, required = false): string | null {
  const v = f[key];
  if (v === undefined || v === null) {
    if (required) throw new FactsError(`缺少${DATE_FIELDS[key]}（${key}）。`);
    return null;
  }
  if (typeof v !== 'string' || !isIsoDate(v)) throw new FactsError(`${DATE_FIELDS[key]}（${key}）“${String(v)}”不是有效的 YYYY-MM-DD 日期。`);
  return v;
}

function count(f: Record<string, unknown>, key: 'lapsedYears' | 'continuousYears', label: string): number | null {
  const v = f[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 120) throw new FactsError(`${label}（${key}）必须是 0 到 120 之间的整数。`);
  return v;
}

function flag(f: Record<string, unknown>, key: string, label: string): boolean {
  const v = f[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new FactsError(`${label}（${key}）只能是 true 或 false。`);
  return v;
}

const KNOWN_KEYS = new Set([
  'policy',
  'idNumber',
  'birthDate',
  'residence',
  'employeeInsured',
  'student',
  'categories',
  'tier',
  'paidOn',
  'lapsedYears',
  'continuousYears',
  'employeeInsuranceEndedOn',
  'dischargedOn',
  'specialEventOn',
  'guardianInsured',
]);

export function checkFacts(input: unknown): CheckedFacts {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FactsError('人员情况必须是一个对象。');
  const f = input as Record<string, unknown>;
  for (const k of Object.keys(f)) if (!KNOWN_KEYS.has(k)) throw new FactsError(`不认识的字段「${k}」。`);

  const paidOn = date(f, 'paidOn', true)!;
  let birthDate = date(f, 'birthDate');
  if (f.idNumber !== undefined && f.idNumber !== null) {
    if (typeof f.idNumber !== 'string') throw new FactsError('身份证号（idNumber）必须是文字，不能是数字（数字会丢失末几位）。');
    const id = parseIdNumber(f.idNumber);
    if (!id.ok) throw new FactsError(id.message);
    if (birthDate && birthDate !== id.value.birthDate) {
      throw new FactsError(`出生日期 ${birthDate} 与身份证号中的出生日期 ${id.value.birthDate} 不一致。`);
    }
    birthDate = id.value.birthDate;
  }

  const residence = f.residence ?? 'local_hukou';
  if (typeof residence !== 'string' || !isCode(RESIDENCES, residence)) throw new FactsError(`不认识的参保范围代码「${String(residence)}」。`);
  const student = f.student ?? 'none';
  if (typeof student !== 'string' || !isCode(STUDENT_KINDS, student))
    throw new FactsError(`不认识的学生类别「${String(student)}」（只能是 none / school / college）。`);
  const tier = f.tier ?? 1;
  if (tier !== 1 && tier !== 2) throw new FactsError(`参保档次（tier）只能是 1 或 2，现在是 ${JSON.stringify(tier)}。`);

  const rawCats = f.categories ?? [];
  if (!Array.isArray(rawCats)) throw new FactsError('人员类别（categories）必须是代码的列表。');
  for (const c of rawCats) {
    if (typeof c !== 'string' || !isCode(PERSON_CATEGORIES, c))
      throw new FactsError(`不认识的人员类别代码「${String(c)}」。可用的代码：${codeChoices(PERSON_CATEGORIES)}。`);
  }

  return {
    birthDate,
    residence,
    employeeInsured: flag(f, 'employeeInsured', '已参加职工医保'),
    student,
    categories: rawCats.length ? new Set(rawCats as string[]) : NO_CATEGORIES,
    tier,
    paidOn,
    lapsedYears: count(f, 'lapsedYears', '断保年数') ?? 0,
    continuousYears: count(f, 'continuousYears', '连续参保年数'),
    employeeInsuranceEndedOn: date(f, 'employeeInsuranceEndedOn'),
    dischargedOn: date(f, 'dischargedOn'),
    specialEventOn: date(f, 'specialEventOn'),
    guardianInsured: flag(f, 'guardianInsured', '监护人已参保'),
  };
}
