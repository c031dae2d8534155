// The fields an import can fill, matching a file's headers to them by the header words of
// resources/layouts/headers.yaml, and the header row found below any title rows. Pure.
import { z } from 'zod';

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
  | 'residentYear'
  | 'taxReceiptNo'
  | 'detailId'
  | 'originalDetailId'
  | 'fiscalAmount'
  | 'totalAmount'
  | 'reversalFlag'
  | 'paidFlag'
  | 'deathDate'
  | 'personNo';

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
  taxReceiptNo: '电子税票号码',
  detailId: '缴费明细编号',
  originalDetailId: '原缴费明细编号',
  fiscalAmount: '财政补助金额',
  totalAmount: '缴费总金额',
  reversalFlag: '核销标志',
  paidFlag: '缴费标志',
  deathDate: '死亡日期',
  personNo: '人员编号',
};

/**
 * How the 医保 platform's coded columns read (resources/layouts/headers.yaml `values`): a value
 * listed nowhere is shown in the dry run and never acted on (docs/rules.md "医保's payment details").
 */
export interface ValueWords {
  /** 核销标志: a payment standing, or a reversal (核销/冲红) that undoes the payment it names. */
  reversalFlag: Map<string, 'normal' | 'reversal'>;
  /** 缴费标志: the values that say the money came in, or that it did not (a row that is no payment). */
  paidFlag: Map<string, 'paid' | 'unpaid'>;
  /** 险种类型: 城乡居民 (a 居民 payment) or 职工 (insured elsewhere that year). */
  insuranceType: Map<string, 'resident' | 'employee'>;
}

export const VALUE_CLASSES = {
  reversalFlag: ['normal', 'reversal'],
  paidFlag: ['paid', 'unpaid'],
  insuranceType: ['resident', 'employee'],
} as const;

/** A value as compared: full-width folded, spaces and punctuation dropped, lower case (Z and z alike). */
export const normalizeValue = (s: string): string => normalizeHeader(s);

export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s()（）[\]【】:：*＊/、.。\-—_]/g, '')
    .replace(/（.*?）|\(.*?\)/g, '')
    .toLowerCase();
}

const word = z.object({ word: z.string().trim().min(1), source: z.string().min(1) }).strict();
const FIELD_KEYS = Object.keys(FIELD_LABELS) as [FieldKey, ...FieldKey[]];

/**
 * The header words of each field (resources/layouts/headers.yaml), compiled for matching: a
 * word under two fields, a field the program does not have, or a source not listed is refused.
 */
export const headerWordsSchema = z
  .object({
    sources: z.record(z.string(), z.string()),
    fields: z.partialRecord(z.enum(FIELD_KEYS), z.array(word)),
    fallbacks: z.partialRecord(z.enum(FIELD_KEYS), z.array(word)).default({}),
    not_fields: z.array(word).default([]),
    values: z
      .object({
        reversalFlag: z.object({ normal: z.array(word).default([]), reversal: z.array(word).default([]) }).strict(),
        paidFlag: z.object({ paid: z.array(word).default([]), unpaid: z.array(word).default([]) }).strict(),
        insuranceType: z.object({ resident: z.array(word).default([]), employee: z.array(word).default([]) }).strict(),
      })
      .partial()
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((t, ctx) => {
    // Each word with where it is in the file, so a fault names its line.
    const listed = (section: 'fields' | 'fallbacks', table: Partial<Record<FieldKey, { word: string; source: string }[]>>) =>
      Object.entries(table).flatMap(([f, ws]) => ws.map((w, i) => ({ ...w, section, field: f, path: [section, f, i] })));
    const all = [
      ...listed('fields', t.fields),
      ...listed('fallbacks', t.fallbacks),
      ...t.not_fields.map((w, i) => ({ ...w, section: 'not_fields', field: '', path: ['not_fields', i] })),
    ];
    const values = Object.entries(t.values).flatMap(([field, classes]) =>
      Object.entries(classes as Record<string, { word: string; source: string }[]>).flatMap(([c, ws]) =>
        ws.map((w, i) => ({ ...w, field, cls: c, path: ['values', field, c, i] })),
      ),
    );
    for (const w of [...all, ...values])
      if (!(w.source in t.sources)) ctx.addIssue({ code: 'custom', path: [...w.path, 'source'], message: `“${w.word}”的来源 ${w.source} 不在 sources 中` });
    // A value under two classes of one column (Z both 正常 and 冲销) would be read as whichever came first.
    const valueSeen = new Map<string, (typeof values)[number]>();
    for (const w of values) {
      const k = `${w.field}|${normalizeValue(w.word)}`;
      const other = valueSeen.get(k);
      if (!other) valueSeen.set(k, w);
      else if (other.cls !== w.cls)
        ctx.addIssue({
          code: 'custom',
          path: [...w.path, 'word'],
          params: { alsoAt: [...other.path, 'word'] },
          message: `${w.field} 的值“${w.word}”同时写在 ${other.cls} 和 ${w.cls} 下`,
        });
    }
    // A word under two fields reads a column as whichever came first; a fallback or a
    // not_fields word that is also a field's word makes one column two things, or none.
    const seen = new Map<string, (typeof all)[number]>();
    for (const w of all) {
      const n = normalizeHeader(w.word);
      const other = seen.get(n);
      if (!other) seen.set(n, w);
      else if (other.field === w.field) continue;
      else {
        const where = (x: typeof w) => (x.section === 'not_fields' ? 'not_fields 下' : `${x.section} 的 ${x.field} 下`);
        ctx.addIssue({
          code: 'custom',
          path: [...w.path, 'word'],
          params: { alsoAt: [...other.path, 'word'] },
          message:
            other.section === w.section ? `“${w.word}”同时写在 ${other.field} 和 ${w.field} 下` : `“${w.word}”既写在 ${where(other)}，又写在 ${where(w)}`,
        });
      }
    }
  })
  .transform((t): HeaderWords => {
    const compile = (table: Partial<Record<FieldKey, { word: string }[]>>) =>
      new Map((Object.entries(table) as [FieldKey, { word: string }[]][]).flatMap(([f, ws]) => ws.map((w) => [normalizeHeader(w.word), f] as const)));
    const valueMap = <C extends string>(classes: Partial<Record<C, { word: string }[]>> | undefined) =>
      new Map((Object.entries(classes ?? {}) as [C, { word: string }[]][]).flatMap(([c, ws]) => ws.map((w) => [normalizeValue(w.word), c] as const)));
    return {
      lookup: compile(t.fields),
      fallbacks: compile(t.fallbacks),
      notFields: new Set(t.not_fields.map((w) => normalizeHeader(w.word))),
      values: {
        reversalFlag: valueMap(t.values.reversalFlag),
        paidFlag: valueMap(t.values.paidFlag),
        insuranceType: valueMap(t.values.insuranceType),
      },
    };
  });

/** The header words, compiled: normalised word → field. */
export interface HeaderWords {
  lookup: Map<string, FieldKey>;
  /** Words that name a field only when no column names it better (乡镇名称 over 附件2's village rows). */
  fallbacks: Map<string, FieldKey>;
  /** Headers that start like a field's word but are another thing (身份证件类型 beside 身份证件号码). */
  notFields: Set<string>;
  values: ValueWords;
}

export function fieldForHeader(words: HeaderWords, header: string): FieldKey | undefined {
  const n = normalizeHeader(header);
  if (!n || words.notFields.has(n)) return undefined;
  const exact = words.lookup.get(n) ?? words.lookup.get(n.replace(/^\d{4}年度?/, ''));
  if (exact) return exact;
  // 2024年参保目标任务数, 2024年指导性任务数, 任务数（人）: any header that counts a task.
  if (n.includes('任务数')) return 'target';
  // "身份证号（必填）", "缴费金额（元）" and the like: a word that starts the header.
  let best: { key: FieldKey; len: number } | undefined;
  for (const [w, k] of words.lookup) if (w.length >= 2 && n.startsWith(w) && (!best || w.length > best.len)) best = { key: k, len: w.length };
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
export function guessHeader(words: HeaderWords, rows: string[][], required: FieldKey[]): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  let bestScore = 0;
  // A merged candidate must recognise more than the plain row would, so a title row
  // merged with the real header below never wins over that header itself.
  const consider = (headers: string[], dataStart: number, penalty = 0) => {
    const mapping = mapHeaders(words, headers);
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
export function repeatedFields(words: HeaderWords, headers: string[]): { field: FieldKey; columns: number[] }[] {
  const by = new Map<FieldKey, number[]>();
  headers.forEach((h, i) => {
    const f = fieldForHeader(words, h);
    if (f) by.set(f, [...(by.get(f) ?? []), i]);
  });
  return [...by].filter(([, cols]) => cols.length > 1).map(([field, columns]) => ({ field, columns }));
}

export function mapHeaders(words: HeaderWords, headers: string[]): Mapping {
  const mapping: Mapping = {};
  headers.forEach((h, i) => {
    const f = fieldForHeader(words, h);
    if (f && mapping[f] === undefined) mapping[f] = i;
  });
  headers.forEach((h, i) => {
    const f = words.fallbacks.get(normalizeHeader(h));
    if (f && mapping[f] === undefined) mapping[f] = i;
  });
  return mapping;
}

/** A file layout's fingerprint: the same department's next list maps the same way. */
export function layoutSignature(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}

/** The columns that make a payments file the 医保 platform's 居民缴费明细 (a 险种 column alone does not). */
export const PLATFORM_FIELDS: readonly FieldKey[] = ['taxReceiptNo', 'detailId', 'originalDetailId', 'fiscalAmount', 'totalAmount', 'reversalFlag', 'paidFlag'];

/** The fields each kind of import reads, required ones first; the column editor offers these. */
export const KIND_FIELDS: Record<
  'roster' | 'categories' | 'payments' | 'situations' | 'insurance' | 'targets',
  { required: FieldKey[]; optional: FieldKey[] }
> = {
  roster: { required: ['idNumber', 'name', 'village', 'householdNumber'], optional: ['phone', 'relation', 'address', 'registered'] },
  categories: { required: ['idNumber'], optional: ['name', 'category', 'disabilityGrade', 'validFrom'] },
  payments: {
    required: ['idNumber'],
    optional: [
      'name',
      'paidOn',
      'amount',
      'subsidyAmount',
      'category',
      'tier',
      'channel',
      'coverageYear',
      // The 医保 platform's 居民缴费明细 (docs/rules.md "医保's payment details").
      ...PLATFORM_FIELDS,
      'insuranceType',
      'personNo',
    ],
  },
  // 附件4 and the worklist by 县外参保情况; a death list by 死亡日期 (one of the two).
  situations: { required: ['idNumber'], optional: ['outOfCounty', 'deathDate', 'name', 'outOfCountyPlace'] },
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
      'personNo',
    ],
  },
  targets: { required: ['village', 'target'], optional: [] },
};
