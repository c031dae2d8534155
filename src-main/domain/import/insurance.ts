// The 医保 system's 困难人员参保核实 list (and a plain sheet of 身份证号, 年度, 参保状态/参保类型):
// what each row says of a person's 职工医保 and 居民医保, where (所属区划) and for which year.
// Pure: the ledger decides what changes.
import type { OutOfCounty } from '../codes';
import { checkIdCell, cell, isProblem, type Problem } from './rows';
import type { FieldKey, Mapping } from './fields';
import { cleanCell } from './values';

export type Scheme = 'resident' | 'employee';

/** What a row says of one scheme: insured or not, the division it names, the year it is for. */
export interface SchemeFact {
  insured: boolean;
  /** 居民医保 ended or paused that year (终止参保、注销、暂停): the year is unknown, not a lapse. */
  ended?: true;
  division: string;
  year: number | null;
}

export interface InsuranceRecord {
  row: number;
  idNumber: string;
  name: string;
  employee: SchemeFact | null;
  resident: SchemeFact | null;
  /** 人员编号 where the list has it: the 医保 platform knows the person. */
  personNo?: string;
}

// 医保's status words (docs/rules.md "医保 status words"), and the answers of a 是/否 column. Any other
// word is the row's problem: a word read wrongly would turn a year.
const INSURED = /^(正常参保|参保缴费|已缴费|正常|已参保|参保|在保|已参加|是|y|1|√)$/;
const NOT_INSURED = /^(未参保|未缴费|未参加|否|无|n|0)$/;
const ENDED = /^(终止参保|终止|注销|暂停参保|暂停缴费|暂停|停保|中断|中断缴费)$/;

/** What a status cell says: insured, not insured, ended or paused ('ended'); '' → null; an unknown word → undefined. */
export type Said = boolean | 'ended' | null;

/** 正常参保 / 参保缴费 → true; 未参保 / 未缴费 → false; 终止参保 / 注销 / 暂停缴费 → 'ended'; '' → null; anything else → undefined. */
export function insuredWord(raw: string): Said | undefined {
  // A note in brackets (暂停参保(中断)) does not change the word.
  const s = cleanCell(raw)
    .toLowerCase()
    .replace(/[（(][^）)]*[)）]/g, '');
  if (!s) return null;
  if (ENDED.test(s)) return 'ended';
  if (NOT_INSURED.test(s)) return false;
  if (INSURED.test(s)) return true;
  return undefined;
}

/** 2024, 2024年, 2024年度, 2024-2025 → 2024; '' → null; else undefined. */
export function yearCell(raw: string): number | null | undefined {
  const s = cleanCell(raw);
  if (!s) return null;
  const m = /^(\d{4})(年度?|$|[-—~至])/.exec(s);
  const y = m ? Number(m[1]) : NaN;
  return y >= 1998 && y <= 2100 ? y : undefined;
}

type Read<T> = T | Problem;

function word(cells: string[], mapping: Mapping, field: FieldKey, row: number, label: string): Read<Said> {
  const raw = cell(cells, mapping, field);
  const v = insuredWord(raw);
  return v === undefined
    ? {
        row,
        field,
        message: `${label}“${raw.trim()}”看不出是否参保（应为“是/否”，或“正常参保、参保缴费、已缴费、未参保、未缴费、终止参保、注销、暂停参保”等）。`,
      }
    : v;
}

function year(cells: string[], mapping: Mapping, field: FieldKey, row: number): Read<number | null> {
  const raw = cell(cells, mapping, field);
  const v = yearCell(raw);
  return v === undefined ? { row, field, message: `参保年度“${raw.trim()}”不是年份。` } : v;
}

/** The first of the answers that says anything. */
const firstSaid = (...xs: Said[]) => xs.find((x) => x !== null) ?? null;

/** For 职工医保 an ending or a pause is a stop: not insured (the desk's 职工医保停保日期), never unknown. */
const asEmployee = (x: Said): boolean | null => (x === 'ended' ? false : x);

export function parseInsuranceRow(cells: string[], mapping: Mapping, row: number, today: string): InsuranceRecord | Problem {
  const id = checkIdCell(cell(cells, mapping, 'idNumber'), row, today);
  if (isProblem(id)) return id;
  const reads = {
    employeeStatus: word(cells, mapping, 'employeeStatus', row, '职工医保参保状态'),
    employeeInsured: word(cells, mapping, 'employeeInsured', row, '是否参保职工'),
    residentStatus: word(cells, mapping, 'residentStatus', row, '居民医保参保状态'),
    collegeStatus: word(cells, mapping, 'collegeStatus', row, '大学生医保参保状态'),
    residentInsured: word(cells, mapping, 'residentInsured', row, '是否参保居民'),
    status: word(cells, mapping, 'insuranceStatus', row, '参保状态'),
    employeeYear: year(cells, mapping, 'employeeYear', row),
    residentYear: year(cells, mapping, 'residentYear', row),
    year: year(cells, mapping, 'coverageYear', row),
  };
  for (const v of Object.values(reads)) if (isProblem(v)) return v;
  const r = reads as { [K in keyof typeof reads]: Exclude<(typeof reads)[K], Problem> };
  // 参保类型 names the scheme of a plain sheet's 参保状态 (职工基本医疗保险, 城乡居民基本医疗保险, 大学生医保).
  const type = cleanCell(cell(cells, mapping, 'insuranceType'));
  const typeScheme: Scheme | null = /职工/.test(type) ? 'employee' : /居民|大学生|城乡/.test(type) ? 'resident' : null;
  const typeSays = (s: Scheme): Said => (typeScheme === s ? (r.status ?? true) : null);
  const employee = asEmployee(firstSaid(r.employeeStatus, r.employeeInsured, typeSays('employee')));
  // A college student's insurance is 居民医保（大学生医保）: either status insured is insured.
  const residentStatus = r.residentStatus === true || r.collegeStatus === true ? true : firstSaid(r.residentStatus, r.collegeStatus);
  const residentSays = [residentStatus, r.residentInsured, typeSays('resident'), typeScheme === null ? r.status : null];
  let resident = firstSaid(...residentSays);
  // An ending in a year the row also says was not paid is not insured (docs/rules.md "医保 status words").
  if (resident === 'ended' && residentSays.includes(false)) resident = false;
  if (employee === null && resident === null) return { row, field: null, message: '这一行没有说明参保情况（是否参保职工/居民、参保状态或参保类型都是空的）。' };
  const division = (f: FieldKey) => cleanCell(cell(cells, mapping, f)).slice(0, 40);
  const residentYear = r.residentYear ?? r.year;
  return {
    row,
    idNumber: id.id,
    name: cell(cells, mapping, 'name').trim(),
    ...(mapping.personNo !== undefined ? { personNo: cleanCell(cell(cells, mapping, 'personNo')).slice(0, 40) } : {}),
    employee: employee === null ? null : { insured: employee, division: division('employeeDivision'), year: r.employeeYear ?? r.year },
    resident:
      resident === null
        ? null
        : resident === 'ended'
          ? { insured: false, ended: true, division: division('residentDivision'), year: residentYear }
          : { insured: resident, division: division('residentDivision'), year: residentYear },
  };
}

/** Provinces whose second level is the city itself (北京, 天津, 上海, 重庆): 市内 is the whole province. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

export type Where = 'county' | 'city' | 'outside';

/**
 * Where a 所属区划 is from this county (GB/T 2260): a code of 6 digits or more (the 9 and 12
 * digit statistical codes start with the county's 6), or a name that holds the county's.
 * undefined when it cannot be told (a name of somewhere else, or no county code to compare).
 */
export function divisionWhere(raw: string, county: { code: string; name: string }): Where | undefined {
  const s = cleanCell(raw);
  if (/^\d{6}(\d{3}|\d{6})?$/.test(s)) {
    if (!/^\d{6}$/.test(county.code)) return undefined;
    const code = s.slice(0, 6);
    if (code === county.code) return 'county';
    const sameCity = MUNICIPALITIES.has(code.slice(0, 2)) ? code.slice(0, 2) === county.code.slice(0, 2) : code.slice(0, 4) === county.code.slice(0, 4);
    return sameCity ? 'city' : 'outside';
  }
  // 酉阳县 in 重庆市酉阳土家族苗族自治县 (the root of the name, without 县/区/自治县).
  const root = county.name.replace(/(土家族苗族自治县|自治县|县|区|市)$/, '');
  if (root.length >= 2 && s.includes(root)) return 'county';
  return undefined;
}

export function outOfCountyKind(scheme: Scheme, where: Exclude<Where, 'county'>): OutOfCounty {
  return `${where === 'city' ? 'in_city' : 'out_city'}_${scheme}`;
}
