// Checking one data row of each import kind. Pure: the ledger-dependent checks (village
// exists, ID already held by another name) come after, in the pipeline.
import { NOT_ENROLLED_REASONS, OUT_OF_COUNTY, OUT_OF_SCOPE, type NotEnrolledReason, type OutOfCounty, type OutOfScope } from '../codes';
import { parseIdNumber } from '../idnumber';
import { PLATFORM_FIELDS, type FieldKey, type Mapping } from './fields';
import { cleanCell, parseDateCell, parseTierCell, parseYuanCell } from './values';
import { checkPhone, checkText } from '../text';

export interface Problem {
  row: number;
  field: FieldKey | null;
  message: string;
}

export const cell = (cells: string[], mapping: Mapping, f: FieldKey) => {
  const i = mapping[f];
  return i === undefined ? '' : (cells[i] ?? '');
};

export function checkIdCell(raw: string, row: number, today: string): { id: string; birthDate: string; sex: 'male' | 'female' } | Problem {
  const s = cleanCell(raw);
  if (!s) return { row, field: 'idNumber', message: '身份证号为空。' };
  // Excel shows a long number stored as a number as 5.00235E+17 or with trailing zeros.
  if (/^\d{16,18}$/.test(s) && /000$/.test(s) && parseIdNumber(s, today).ok === false) {
    return { row, field: 'idNumber', message: `身份证号 ${s} 疑似被存成了数字，后几位已丢失（变成了 0）。请把该列设为文本后重新录入。` };
  }
  const r = parseIdNumber(s, today);
  if (!r.ok) return { row, field: 'idNumber', message: r.message };
  return { id: r.value.id, birthDate: r.value.birthDate, sex: r.value.sex };
}

export const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'message' in x && 'field' in x;

export interface RosterRecord {
  row: number;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  name: string;
  phone: string;
  village: string;
  householdNumber: string;
  relation: string;
  address: string;
  /** Why the register no longer holds the person (是否在籍 = 否), or '' while they are on it. */
  leftReason: '' | 'moved_out' | 'deregistered';
}

// 是否在籍: 否 on its own says only that the person left the register, which the glossary
// reads as 户口迁出; a cell that says why (注销) is taken at its word.
const REGISTERED = new Map<string, RosterRecord['leftReason']>([
  ...['是', '在籍', 'y', 'yes', '1', '√'].map((w) => [w, ''] as const),
  ...['否', '不在籍', '非在籍', 'n', 'no', '0', '×', '迁出', '已迁出', '户口迁出', '迁出本地'].map((w) => [w, 'moved_out'] as const),
  ...['注销', '已注销', '销户', '已销户', '已注销户口', '户口注销'].map((w) => [w, 'deregistered'] as const),
]);

function parseRegistered(raw: string): RosterRecord['leftReason'] | undefined {
  const s = cleanCell(raw).trim().toLowerCase();
  return s ? REGISTERED.get(s) : '';
}

export function parseRosterRow(cells: string[], mapping: Mapping, row: number, today: string): RosterRecord | Problem {
  const id = checkIdCell(cell(cells, mapping, 'idNumber'), row, today);
  if (isProblem(id)) return id;
  const name = checkText('name', cell(cells, mapping, 'name'));
  if (!name.ok) return { row, field: 'name', message: name.message };
  if (!name.value) return { row, field: 'name', message: '姓名为空。' };
  const village = cell(cells, mapping, 'village').trim();
  if (!village) return { row, field: 'village', message: '村（社区）为空。' };
  const householdNumber = cleanCell(cell(cells, mapping, 'householdNumber'));
  if (!householdNumber) return { row, field: 'householdNumber', message: '户号为空。' };
  const phone = checkPhone(cell(cells, mapping, 'phone'));
  if (!phone.ok) return { row, field: 'phone', message: phone.message };
  const relation = checkText('relation', cell(cells, mapping, 'relation'));
  if (!relation.ok) return { row, field: 'relation', message: relation.message };
  const address = checkText('address', cell(cells, mapping, 'address'));
  if (!address.ok) return { row, field: 'address', message: address.message };
  const rawRegistered = cell(cells, mapping, 'registered');
  const leftReason = parseRegistered(rawRegistered);
  if (leftReason === undefined) return { row, field: 'registered', message: `是否在籍“${rawRegistered.trim()}”只能是“是”或“否”（或写明“迁出”“注销”）。` };
  return {
    row,
    idNumber: id.id,
    birthDate: id.birthDate,
    sex: id.sex,
    name: name.value,
    phone: phone.value,
    village,
    householdNumber,
    relation: relation.value,
    address: address.value,
    leftReason,
  };
}

export interface CategoryRecord {
  row: number;
  idNumber: string;
  name: string;
  label: string;
  /** The label is a 残疾等级 (一级 … 四级), read as the grade's category. */
  grade: boolean;
  validFrom: string | null;
}

export function parseCategoryRow(cells: string[], mapping: Mapping, row: number, today: string): CategoryRecord | Problem {
  const id = checkIdCell(cell(cells, mapping, 'idNumber'), row, today);
  if (isProblem(id)) return id;
  const rawDate = cell(cells, mapping, 'validFrom');
  const validFrom = rawDate.trim() ? parseDateCell(rawDate) : null;
  if (rawDate.trim() && !validFrom) return { row, field: 'validFrom', message: `认定日期“${rawDate}”不是有效日期。` };
  const label = cell(cells, mapping, 'category').trim();
  const grade = label ? '' : cell(cells, mapping, 'disabilityGrade').trim();
  return { row, idNumber: id.id, name: cell(cells, mapping, 'name').trim(), label: label || grade, grade: !!grade, validFrom };
}

export interface PaymentRecord {
  row: number;
  idNumber: string;
  name: string;
  paidOn: string;
  /** What the person paid; null where the file has only the department's part (代缴明细). */
  amountFen: number | null;
  /** What the department paid for the person (税务's 代缴金额), when the file says. */
  subsidyFen: number | null;
  /** The file's own word for the subsidy group (代缴类别), when it has one. */
  categoryLabel: string;
  tier: 1 | 2 | null;
  channel: string;
  coverageYear: number | null;
  /** The 医保 platform's 居民缴费明细 (docs/rules.md "医保's payment details"), where the file has its columns. */
  platform: PlatformColumns | null;
  /** 人员编号: the platform's number for the person, where the file has it ('' otherwise). */
  personNo: string;
}

/** What the 医保 platform's payment detail says beyond a payment: its identity, its other parts, its flags as written. */
export interface PlatformColumns {
  taxReceiptNo: string;
  detailId: string;
  originalDetailId: string;
  /** 财政补助金额 and 缴费总金额, where the file has them. */
  fiscalFen: number | null;
  totalFen: number | null;
  /** 核销标志, 缴费标志 and 险种类型 as written: read against headers.yaml's values by the plan. */
  reversalFlag: string;
  paidFlag: string;
  insuranceType: string;
}

type MoneyField = 'amount' | 'subsidyAmount' | 'fiscalAmount' | 'totalAmount';

/** An amount, or null where the file has no such column; below zero only in a file that marks reversals (冲红 rows carry −380). */
function moneyCell(cells: string[], mapping: Mapping, field: MoneyField, row: number, label: string): number | null | Problem {
  const raw = cell(cells, mapping, field);
  if (mapping[field] === undefined) return null;
  const fen = parseYuanCell(raw);
  return fen === null || (fen < 0 && mapping.reversalFlag === undefined) ? { row, field, message: `${label}“${raw}”不是有效金额。` } : fen;
}

function platformColumns(cells: string[], mapping: Mapping, row: number): PlatformColumns | null | Problem {
  if (!PLATFORM_FIELDS.some((f) => mapping[f] !== undefined)) return null;
  const fiscalFen = moneyCell(cells, mapping, 'fiscalAmount', row, '财政补助金额');
  if (isProblem(fiscalFen)) return fiscalFen;
  const totalFen = moneyCell(cells, mapping, 'totalAmount', row, '缴费总金额');
  if (isProblem(totalFen)) return totalFen;
  const text = (f: FieldKey) => cleanCell(cell(cells, mapping, f)).slice(0, 60);
  return {
    taxReceiptNo: text('taxReceiptNo'),
    detailId: text('detailId'),
    originalDetailId: text('originalDetailId'),
    fiscalFen,
    totalFen,
    reversalFlag: text('reversalFlag'),
    paidFlag: text('paidFlag'),
    insuranceType: text('insuranceType'),
  };
}

export function parsePaymentRow(cells: string[], mapping: Mapping, row: number, today: string, batchPaidOn?: string): PaymentRecord | Problem {
  const id = checkIdCell(cell(cells, mapping, 'idNumber'), row, today);
  if (isProblem(id)) return id;
  const paidOn = mapping.paidOn === undefined && batchPaidOn ? batchPaidOn : parseDateCell(cell(cells, mapping, 'paidOn'));
  if (!paidOn) return { row, field: 'paidOn', message: `缴费日期“${cell(cells, mapping, 'paidOn')}”不是有效日期。` };
  const amountFen = moneyCell(cells, mapping, 'amount', row, '缴费金额');
  if (isProblem(amountFen)) return amountFen;
  const subsidyFen = moneyCell(cells, mapping, 'subsidyAmount', row, '代缴金额');
  if (isProblem(subsidyFen)) return subsidyFen;
  const rawTier = cell(cells, mapping, 'tier');
  const tier = rawTier.trim() ? parseTierCell(rawTier) : null;
  // 请款明细's 参保类别 may name the scheme (城乡居民) rather than the tier: the amounts tell the tier then.
  if (tier === null && rawTier.trim() && !/居民|城乡|职工|医保|医疗|大学生/.test(rawTier))
    return { row, field: 'tier', message: `档次“${rawTier}”只能是一档或二档。` };
  const rawYear = cleanCell(cell(cells, mapping, 'coverageYear')).slice(0, 4);
  const coverageYear = /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
  const platform = platformColumns(cells, mapping, row);
  if (isProblem(platform)) return platform;
  return {
    row,
    idNumber: id.id,
    name: cell(cells, mapping, 'name').trim(),
    paidOn,
    amountFen,
    subsidyFen,
    categoryLabel: cell(cells, mapping, 'category').trim(),
    tier,
    // The platform's detail has its 其他缴费金额 column on every row: 代缴 only where it holds money.
    channel: cell(cells, mapping, 'channel').trim() || (subsidyFen !== null && (platform === null || subsidyFen > 0) ? '税务代缴' : '导入'),
    coverageYear,
    platform,
    personNo: cleanCell(cell(cells, mapping, 'personNo')).slice(0, 40),
  };
}

/** What a village reports for a person: insured outside the county (附件4) or out of scope. */
export type SituationCode = OutOfCounty | OutOfScope | NotEnrolledReason;

export interface SituationRecord {
  row: number;
  idNumber: string;
  name: string;
  situation: SituationCode;
  place: string;
  /** A death list's 死亡日期 (docs/rules.md "A death list"); null where the file gives none. */
  on: string | null;
}

const SITUATIONS = new Map<string, SituationCode>([
  ...(Object.entries(OUT_OF_COUNTY) as [OutOfCounty, string][]).map(([code, label]) => [cleanCell(label), code] as [string, SituationCode]),
  ...(Object.entries(OUT_OF_SCOPE) as [OutOfScope, string][]).map(([code, label]) => [cleanCell(label), code] as [string, SituationCode]),
  ...(Object.entries(NOT_ENROLLED_REASONS) as [NotEnrolledReason, string][]).map(([code, label]) => [cleanCell(label), code] as [string, SituationCode]),
  // The glossary's other words for the same answers, and the older dropdown's (含大学生医保).
  [cleanCell('县外市内参加居民医保(含大学生医保)'), 'in_city_resident'],
  [cleanCell('市外参加居民医保(含大学生医保)'), 'out_city_resident'],
  [cleanCell('县外市内参加居民医保'), 'in_city_resident'],
  [cleanCell('市外参加居民医保'), 'out_city_resident'],
  [cleanCell('服役'), 'military'],
  [cleanCell('参军/服役'), 'military'],
  [cleanCell('拒绝参保'), 'refused'],
  [cleanCell('联系不上'), 'unreachable'],
  [cleanCell('户口已迁出'), 'moved_out'],
  [cleanCell('迁出'), 'moved_out'],
  [cleanCell('已销户'), 'deregistered'],
]);

export function parseSituationRow(cells: string[], mapping: Mapping, row: number, today: string): SituationRecord | Problem | null {
  const raw = cell(cells, mapping, 'outOfCounty');
  const rawDeath = cell(cells, mapping, 'deathDate').trim();
  // A worklist row the village left blank says nothing yet: skip it quietly. A death list's row says 死亡 by its date.
  if (!raw.trim() && !rawDeath) return null;
  const id = checkIdCell(cell(cells, mapping, 'idNumber'), row, today);
  if (isProblem(id)) return id;
  const situation = raw.trim() ? SITUATIONS.get(cleanCell(raw)) : 'deceased';
  if (!situation) return { row, field: 'outOfCounty', message: `“${raw}”不是下拉框中的选项。` };
  let on: string | null = null;
  if (rawDeath) {
    on = parseDateCell(rawDeath);
    if (!on) return { row, field: 'deathDate', message: `死亡日期“${rawDeath}”不是有效日期。` };
    if (on > today) return { row, field: 'deathDate', message: `死亡日期 ${on} 晚于今天，请核对。` };
    if (situation !== 'deceased') return { row, field: 'deathDate', message: `这一行写了死亡日期 ${on}，情况却是“${raw.trim()}”，请核对。` };
  }
  const name = cell(cells, mapping, 'name').trim();
  return { row, idNumber: id.id, name, situation, place: cell(cells, mapping, 'outOfCountyPlace').trim().slice(0, 60), on };
}
