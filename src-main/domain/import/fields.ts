// The fields an import can fill, the header words each department uses for them, and the
// header row found below any title rows. Pure: works on rows of text.

export type FieldKey =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'village'
  | 'householdNumber'
  | 'relation'
  | 'address'
  | 'category'
  | 'disabilityGrade'
  | 'validFrom'
  | 'paidOn'
  | 'amount'
  | 'subsidyAmount'
  | 'tier'
  | 'channel'
  | 'coverageYear'
  | 'outOfCounty'
  | 'outOfCountyPlace'
  | 'target'
  | 'registered'
  | 'employeeInsured'
  | 'residentInsured'
  | 'employeeStatus'
  | 'residentStatus'
  | 'collegeStatus'
  | 'insuranceStatus'
  | 'insuranceType'
  | 'employeeDivision'
  | 'residentDivision'
  | 'employeeYear'
  | 'residentYear';

export const FIELD_LABELS: Record<FieldKey, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '联系电话',
  village: '村（社区）',
  householdNumber: '户号',
  relation: '与户主关系',
  address: '住址',
  category: '人员类别',
  disabilityGrade: '残疾等级',
  validFrom: '认定日期',
  paidOn: '缴费日期',
  amount: '缴费金额',
  subsidyAmount: '代缴金额',
  tier: '档次',
  channel: '缴费方式',
  coverageYear: '参保年度',
  outOfCounty: '县外参保情况',
  outOfCountyPlace: '现参保地',
  target: '任务数',
  registered: '是否在籍',
  employeeInsured: '是否参保职工',
  residentInsured: '是否参保居民',
  employeeStatus: '职工医保参保状态',
  residentStatus: '居民医保参保状态',
  collegeStatus: '大学生医保参保状态',
  insuranceStatus: '参保状态',
  insuranceType: '参保类型',
  employeeDivision: '职工医保所属区划',
  residentDivision: '居民医保所属区划',
  employeeYear: '参保年度（职工）',
  residentYear: '参保年度（居民）',
};

// Compared after normalize(): no spaces, brackets or punctuation, full-width folded.
export const SYNONYMS: Record<FieldKey, string[]> = {
  name: ['姓名', '参保人姓名', '人员姓名', '户主姓名', '缴费人姓名', '名字'],
  idNumber: ['身份证号', '公民身份号码', '证件号码', '身份证号码', '身份证', '证件号', '居民身份证号码', '公民身份证号码', '社会保障号码'],
  phone: ['联系电话', '手机号码', '电话', '手机号', '联系方式', '电话号码'],
  village: [
    '村',
    '社区',
    '村社区',
    '村居',
    '所属村',
    '村名',
    '村委会',
    '所在村',
    '村社区名称',
    '社区村居委会',
    '村居委会',
    '所属村居',
    '村民委员会',
    '居民委员会',
  ],
  householdNumber: ['户号', '户编号', '家庭户号'],
  relation: ['与户主关系', '户主关系', '关系'],
  address: ['住址', '家庭住址', '地址', '户籍地址', '户籍地详址', '详细地址', '现住址'],
  category: [
    '人员类别',
    '资助类别',
    '身份类别',
    '类别',
    '特殊人员类别',
    '人员身份',
    '对象类别',
    '监测对象类别',
    '优抚类别',
    '优抚对象类别',
    '医疗救助身份',
    '特殊人员身份类别',
    '代缴类别',
    '困难类别',
    '救助类别',
  ],
  disabilityGrade: ['残疾等级', '残疾级别'],
  validFrom: ['认定日期', '认定时间', '纳入时间', '享受时间', '起始日期'],
  paidOn: ['缴费日期', '缴费时间', '缴款日期', '缴费日', '个人缴费日期', '入库日期'],
  amount: ['缴费金额', '金额', '缴费金额元', '实缴金额', '个人缴费', '个人缴费金额', '个人缴纳金额'],
  // 税务's 代缴明细/请款明细: what the department paid for the person (the subsidy).
  subsidyAmount: ['代缴金额', '资助金额', '代缴资助金额'],
  tier: ['档次', '参保档次', '缴费档次'],
  channel: ['缴费方式', '缴费渠道', '缴费途径'],
  coverageYear: ['参保年度', '缴费年度', '年度', '费款所属期'],
  outOfCounty: ['县外参保情况', '县外参保情况下拉框选择', '参保情况', '未参保原因', '未参保原因村填写', '原因'],
  outOfCountyPlace: ['现参保地', '参保地'],
  target: ['任务数', '目标任务数', '参保目标任务数', '参保任务数', '应参保人数', '目标任务', '指导性任务数'],
  // 户籍's household register: 否 is a person no longer on it (迁出, 注销).
  registered: ['是否在籍', '在籍状态', '在籍情况', '在籍'],
  // 医保's 困难人员参保核实 and its status lists.
  employeeInsured: ['是否参保职工', '是否参加职工医保', '是否参加职工基本医疗保险', '职工医保是否参保'],
  residentInsured: ['是否参保居民', '是否参加居民医保', '是否参加城乡居民基本医疗保险', '居民医保是否参保'],
  employeeStatus: ['职工医保参保状态', '职工参保状态', '职工医保状态'],
  residentStatus: ['居民医保参保状态', '居民参保状态', '居民医保状态'],
  collegeStatus: ['大学生医保参保状态', '大学生参保状态'],
  insuranceStatus: ['参保状态', '人员参保状态', '个人参保状态'],
  insuranceType: ['参保类型', '险种类型', '险种'],
  employeeDivision: ['职工医保所属区划', '职工医保参保地区划', '职工参保区划', '职工医保参保地'],
  residentDivision: ['居民医保所属区划', '居民医保参保地区划', '居民参保区划', '居民医保参保地'],
  employeeYear: ['参保年度职工', '职工参保年度', '职工医保参保年度'],
  residentYear: ['参保年度居民', '居民参保年度', '居民医保参保年度'],
};

/**
 * Words that name a field only when no column names it better: the county's 附件2 heads its
 * village rows 乡镇名称 (the seed's own quirk), while 附件4 has 乡镇 beside a 村 column.
 */
const FALLBACKS: Partial<Record<FieldKey, string[]>> = {
  village: ['乡镇名称', '乡镇', '乡镇街道', '街道乡镇', '镇街'],
};

export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s()（）[\]【】:：*＊/、.。\-—_]/g, '')
    .replace(/（.*?）|\(.*?\)/g, '')
    .toLowerCase();
}

const LOOKUP = new Map<string, FieldKey>();
for (const [k, words] of Object.entries(SYNONYMS) as [FieldKey, string[]][]) for (const w of words) LOOKUP.set(normalizeHeader(w), k);

// Headers that start like a field's name but are another thing (税务's 身份证件类型 beside 身份证件号码).
const NOT_A_FIELD = new Set(['证件类型', '身份证件类型', '证件种类', '身份证件种类'].map((w) => normalizeHeader(w)));

export function fieldForHeader(header: string): FieldKey | undefined {
  const n = normalizeHeader(header);
  if (!n || NOT_A_FIELD.has(n)) return undefined;
  const exact = LOOKUP.get(n) ?? LOOKUP.get(n.replace(/^\d{4}年度?/, ''));
  if (exact) return exact;
  // 2024年参保目标任务数, 2024年指导性任务数, 任务数（人）: any header that counts a task.
  if (n.includes('任务数')) return 'target';
  // "身份证号（必填）", "缴费金额（元）" and the like: a synonym that starts the header.
  let best: { key: FieldKey; len: number } | undefined;
  for (const [w, k] of LOOKUP) if (w.length >= 2 && n.startsWith(w) && (!best || w.length > best.len)) best = { key: k, len: w.length };
  return best?.key;
}

export type Mapping = Partial<Record<FieldKey, number>>;

export interface HeaderGuess {
  /** Index (0-based, among the rows given) of the first data row. */
  dataStart: number;
  headers: string[];
  mapping: Mapping;
}

/**
 * The header is the row among the first rows with the most recognised column names (a
 * title row above it has one long cell). Under merged headers the row below holds the
 * names of the columns a parent spans (资助标准 / 金额(元)), and data starts one row later.
 */
export function guessHeader(rows: string[][], required: FieldKey[]): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  let bestScore = 0;
  // A merged candidate must recognise more than the plain row would, so a title row
  // merged with the real header below never wins over that header itself.
  const consider = (headers: string[], dataStart: number, penalty = 0) => {
    const mapping = mapHeaders(headers);
    const score = Object.keys(mapping).length * 2 + required.filter((f) => f in mapping).length - penalty;
    if (score > bestScore) {
      bestScore = score;
      best = { dataStart, headers: headers.map((c) => c.trim()), mapping };
    }
  };
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const row = rows[i]!;
    consider(row, i + 1);
    const below = rows[i + 1];
    if (below && row.some((c) => !c.trim())) {
      const width = Math.max(row.length, below.length);
      // Under a spanning parent (缴费信息) the names are in the row below (缴费日期, 缴费金额).
      consider(
        Array.from({ length: width }, (_, j) => (below[j]?.trim() ? below[j]! : (row[j] ?? ''))),
        i + 2,
        1,
      );
    }
  }
  const found = best as HeaderGuess | null;
  return found && Object.keys(found.mapping).length >= 2 ? found : null;
}

/** Fields that more than one column's header names (two 姓名 columns): which one is meant is the clerk's to say. */
export function repeatedFields(headers: string[]): { field: FieldKey; columns: number[] }[] {
  const by = new Map<FieldKey, number[]>();
  headers.forEach((h, i) => {
    const f = fieldForHeader(h);
    if (f) by.set(f, [...(by.get(f) ?? []), i]);
  });
  return [...by].filter(([, cols]) => cols.length > 1).map(([field, columns]) => ({ field, columns }));
}

const FALLBACK_LOOKUP = new Map<string, FieldKey>();
for (const [k, words] of Object.entries(FALLBACKS) as [FieldKey, string[]][]) for (const w of words) FALLBACK_LOOKUP.set(normalizeHeader(w), k);

export function mapHeaders(headers: string[]): Mapping {
  const mapping: Mapping = {};
  headers.forEach((h, i) => {
    const f = fieldForHeader(h);
    if (f && mapping[f] === undefined) mapping[f] = i;
  });
  headers.forEach((h, i) => {
    const f = FALLBACK_LOOKUP.get(normalizeHeader(h));
    if (f && mapping[f] === undefined) mapping[f] = i;
  });
  return mapping;
}

/** A file layout's fingerprint: the same department's next list maps the same way. */
export function layoutSignature(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}

/** The fields each kind of import reads, required ones first; the column editor offers these. */
export const KIND_FIELDS: Record<
  'roster' | 'categories' | 'payments' | 'situations' | 'insurance' | 'targets',
  { required: FieldKey[]; optional: FieldKey[] }
> = {
  roster: { required: ['idNumber', 'name', 'village', 'householdNumber'], optional: ['phone', 'relation', 'address', 'registered'] },
  categories: { required: ['idNumber'], optional: ['name', 'category', 'disabilityGrade', 'validFrom'] },
  payments: { required: ['idNumber'], optional: ['name', 'paidOn', 'amount', 'subsidyAmount', 'category', 'tier', 'channel', 'coverageYear'] },
  situations: { required: ['idNumber', 'outOfCounty'], optional: ['name', 'outOfCountyPlace'] },
  insurance: {
    required: ['idNumber'],
    optional: [
      'name',
      'employeeInsured',
      'employeeStatus',
      'employeeDivision',
      'employeeYear',
      'residentInsured',
      'residentStatus',
      'collegeStatus',
      'residentDivision',
      'residentYear',
      'insuranceStatus',
      'insuranceType',
      'coverageYear',
    ],
  },
  targets: { required: ['village', 'target'], optional: [] },
};
