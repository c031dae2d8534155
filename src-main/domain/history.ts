// What each audited change to a person means, in the clerk's words: the drawer's 变更记录.
import { OUT_OF_COUNTY, OUT_OF_SCOPE, PERSON_CATEGORIES, RESIDENCES, STUDENT_KINDS } from './codes';
import { formatYuan } from './money';

export interface RawChange {
  at: string;
  actor: string;
  action: string;
  before: string | null;
  after: string | null;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  what: string;
  detail: string;
}

type Row = Record<string, unknown>;

const STATUSES: Record<string, string> = { active: '正常', ...OUT_OF_SCOPE };

const label = (table: Record<string, string>, v: unknown) => (typeof v === 'string' ? (table[v] ?? v) : '');

/** The person fields a clerk recognises, and how each value reads. */
const PERSON_FIELDS: [string, string, (v: unknown) => string][] = [
  ['name', '姓名', String],
  ['phone', '联系电话', String],
  ['relation', '与户主关系', String],
  ['residence', '参保范围', (v) => label(RESIDENCES, v)],
  ['student', '学生', (v) => label(STUDENT_KINDS, v)],
  ['status', '状态', (v) => label(STATUSES, v)],
  ['statusOn', '状态日期', String],
  ['employeeInsured', '职工医保', (v) => (v ? '已参加' : '未参加')],
  ['outOfCounty', '县外参保', (v) => (v ? label(OUT_OF_COUNTY, v) : '无')],
  ['outOfCountyPlace', '现参保地', String],
  ['villageName', '村（社区）', String],
  ['householdNumber', '户号', String],
];

const shown = (s: string) => (s === '' || s === 'null' || s === 'undefined' ? '（空）' : s);

export function personDiff(before: Row, after: Row): string {
  return PERSON_FIELDS.filter(([k]) => k in after && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map(([k, name, fmt]) => `${name}：${shown(fmt(before[k] ?? ''))} → ${shown(fmt(after[k] ?? ''))}`)
    .join('；');
}

function parse(s: string | null): Row {
  if (!s) return {};
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Row) : {};
  } catch {
    return {};
  }
}

const category = (r: Row) => label(PERSON_CATEGORIES, r.code);
const period = (r: Row) => `${String(r.validFrom ?? '')} 至 ${r.validTo ? String(r.validTo) : '今'}`;
const yuan = (v: unknown) => (typeof v === 'number' ? `${formatYuan(v)} 元` : '');
const IMPORT_KINDS: Record<string, string> = {
  roster: '花名册',
  categories: '资助名单',
  payments: '缴费数据',
  situations: '参保情况',
  insurance: '医保参保核实',
};

export function describeChange(c: RawChange): HistoryEntry {
  const b = parse(c.before);
  const a = parse(c.after);
  const entry = (what: string, detail = '') => ({ at: c.at, actor: c.actor, what, detail });
  switch (c.action) {
    case 'roster.addPerson':
      return entry('登记人员', `${String(a.villageName ?? '')} 户号 ${String(a.householdNumber ?? '')}`);
    case 'roster.updatePerson':
      return entry('修改信息', personDiff(b, a) || '没有改动');
    case 'roster.movePerson':
      return entry('迁移户', personDiff(b, a));
    case 'roster.setStatus':
      return entry('更改状态', personDiff(b, a));
    case 'roster.setInsurance':
      return entry('更改参保情况', personDiff(b, a));
    case 'categories.certify':
      return entry('认定资助身份', `${category(a)}，${period(a)}，来源：${String(a.source ?? '')}`);
    case 'categories.check':
      return entry('核对资助身份', `${category(a)}，${String(a.checkedOn ?? '')} 核对无误`);
    case 'categories.end':
      return entry('结束资助身份', `${category(a)}，截止 ${String(a.validTo ?? '')}`);
    case 'enroll.person':
      return entry('参保登记', `${String(a.coverageYear ?? '')} 年度，收据 ${String(a.receiptNo ?? '')}，个人缴费 ${yuan(a.personalFen)}`);
    case 'enroll.void':
      return entry('作废参保记录', `原因：${String(a.reason ?? '')}`);
    case 'enroll.refund':
      return entry('退费', `${yuan(a.amountFen)}，${String(a.reason ?? '')}`);
    case 'payments.resolve':
      return entry('待核实缴费登记', `收据 ${String(a.receiptNo ?? '')}${a.note ? `，${String(a.note)}` : ''}`);
    default: {
      const m = /^import\.(\w+)\.(insert|update)$/.exec(c.action);
      if (m) {
        const undone = a.undone ? `（该批次已于 ${String(a.undone).slice(0, 10)} 撤销）` : '';
        return entry(`导入${label(IMPORT_KINDS, m[1])}`, `${m[2] === 'insert' ? '新增' : '更新'}，文件：${String(a.file ?? '')}${undone}`);
      }
      return entry(c.action);
    }
  }
}
