// Reading the category a file writes (低保户, 特困人员-7131, 民政城乡重度(一、二级)残疾人员 …) as
// glossary codes, from the alias table (resources/aliases/categories.yaml) and the policies'
// own labels. Pure: the table is passed in. A cell may name several categories; what the
// table does not know, or knows as more than one code, is returned for the clerk, never guessed.
import { z } from 'zod';
import { PERSON_CATEGORIES, type PersonCategory } from '../codes';
import { personCategoryCode } from '../policy/schema';

const entry = z.strictObject({ alias: z.string().min(1), source: z.string().min(1) });

export const aliasTableSchema = z
  .strictObject({
    sources: z.record(z.string(), z.string().min(1)),
    codes: z.partialRecord(personCategoryCode, z.array(entry)),
    ambiguous: z.array(z.strictObject({ alias: z.string().min(1), codes: z.array(personCategoryCode).min(2), source: z.string().min(1) })).default([]),
    grades: z.array(z.strictObject({ alias: z.string().min(1), code: personCategoryCode })).default([]),
  })
  .superRefine((t, c) => {
    const entries: { alias: string; source?: string; meaning: string; path: (string | number)[] }[] = [
      ...(Object.entries(t.codes) as [string, { alias: string; source: string }[]][]).flatMap(([code, xs]) =>
        xs.map((x, i) => ({ ...x, meaning: code, path: ['codes', code, i] })),
      ),
      ...t.ambiguous.map((x, i) => ({ ...x, meaning: `ambiguous（${x.codes.join('、')}）`, path: ['ambiguous', i] })),
      ...t.grades.map((x, i) => ({ alias: x.alias, meaning: `grades 的 ${x.code}`, path: ['grades', i] })),
    ];
    for (const e of entries)
      if (e.source !== undefined && !(e.source in t.sources))
        c.addIssue({ code: 'custom', path: [...e.path, 'source'], message: `别名的来源“${e.source}”没有在 sources 中说明。` });
    // An alias under two codes is read as whichever the reader met first (a 低保 list would
    // certify 特困人员): refused, as the reader sees it, after brackets and a trailing 对象/人员 go.
    const seen = new Map<string, { alias: string; meaning: string; path: (string | number)[] }>();
    for (const e of entries) {
      const k = canonicalLabel(e.alias);
      for (const key of new Set([k, stripped(k)])) {
        if (key.length < 2) continue;
        const other = seen.get(key);
        if (other && other.meaning !== e.meaning) {
          const same = canonicalLabel(other.alias) === k;
          c.addIssue({
            code: 'custom',
            path: [...e.path, 'alias'],
            // The other place, for the checker to name its line too.
            params: { alsoAt: [...other.path, 'alias'] },
            message: same
              ? `“${e.alias}”同时列在 ${other.meaning} 和 ${e.meaning} 下`
              : `“${e.alias}”列在 ${e.meaning} 下，而 ${other.meaning} 下的“${other.alias}”读起来是同一个名称（括号、末尾的“对象”“人员”等不算）`,
          });
          break;
        }
        if (!other) seen.set(key, e);
      }
    }
  });

export type AliasTable = z.infer<typeof aliasTableSchema>;

/** What a cell said: the codes read, the labels the table does not know, and those it knows as several codes. */
export interface CategoryReading {
  codes: PersonCategory[];
  unknown: string[];
  ambiguous: { label: string; codes: PersonCategory[] }[];
}

type Meaning = { code: PersonCategory } | { codes: PersonCategory[] };

// Grades are written many ways; one spelling for each before anything is compared.
const GRADES: [RegExp, string][] = [
  [/(?:一|1)[、,~\-至到]?(?:二|2)级/g, '12级'],
  [/(?:三|3)[、,~\-至到]?(?:四|4)级/g, '34级'],
  [/(?:一|1)[、,~\-至到](?:六|6)级/g, '16级'],
];

/** NFKC, grades spelled one way, no brackets, quotes, spaces or hyphens; separators kept. */
export function canonicalLabel(s: string): string {
  let t = s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[～〜]/g, '~')
    .replace(/[－—–]/g, '-');
  for (const [re, to] of GRADES) t = t.replace(re, to);
  return t.replace(/[()（）【】[\]{}“”"'‘’《》<>\-_·.。:：]/g, '').toLowerCase();
}

// What may be left of a cell once its labels are taken out: separators and the words that end a group's name.
const SEPARATORS = /[、,;；/|]+/;
const FILLER = /^(对象|人员|人口|家庭|户|类|类别|等)*$/;
// On a 残联 list the grade comes with the kind of disability (肢体二级).
const DISABILITY_KINDS = /^(视力|听力|言语|肢体|智力|精神|多重)?(残疾)?$/;

function stripped(key: string): string {
  return key.replace(/(对象|人员|人口|家庭|户)+$/u, '');
}

/**
 * A reader for category cells. `extra` are the policies' own labels; `grades` reads a 残疾等级
 * column (一级 … 四级) instead of category names.
 */
export function categoryReader(
  table: AliasTable,
  extra: Iterable<[string, PersonCategory]> = [],
): (cell: string, opts?: { grades?: boolean }) => CategoryReading {
  const build = (grades: boolean) => {
    const keys = new Map<string, Meaning>();
    const add = (label: string, m: Meaning) => {
      const k = canonicalLabel(label);
      for (const key of [k, stripped(k)]) if (key.length >= 2 && !keys.has(key)) keys.set(key, m);
    };
    // Ambiguous groups first: their names contain shorter known ones (低保中重残重病人员 holds 低保).
    for (const a of table.ambiguous) add(a.alias, { codes: a.codes });
    for (const [code, label] of Object.entries(PERSON_CATEGORIES) as [PersonCategory, string][]) add(label, { code });
    for (const [label, code] of extra) add(label, { code });
    for (const [code, xs] of Object.entries(table.codes) as [PersonCategory, { alias: string }[]][]) for (const x of xs) add(x.alias, { code });
    if (grades) for (const g of table.grades) add(g.alias, { code: g.code });
    return [...keys].sort((a, b) => b[0].length - a[0].length);
  };
  const plain = build(false);
  const graded = build(true);
  // A list repeats its few labels thousands of times: each distinct cell is read once.
  const seen = new Map<string, CategoryReading>();
  return (cell, opts = {}) => {
    const key = `${opts.grades ? 1 : 0}${cell}`;
    const known = seen.get(key);
    if (known) return known;
    const out: CategoryReading = { codes: [], unknown: [], ambiguous: [] };
    let text = canonicalLabel(cell);
    // Longest first, each taken out where found, so a longer name is never read as its parts.
    // What was read leaves a separator behind: the rest of the cell is read apart from it.
    for (const [k, meaning] of opts.grades ? graded : plain) {
      if (!text.includes(k)) continue;
      text = text.split(k).join('、');
      if ('code' in meaning) {
        if (!out.codes.includes(meaning.code)) out.codes.push(meaning.code);
      } else if (!out.ambiguous.some((a) => a.label === k)) out.ambiguous.push({ label: k, codes: meaning.codes });
    }
    for (const piece of text.split(SEPARATORS)) {
      if (!piece || FILLER.test(piece) || (opts.grades && DISABILITY_KINDS.test(piece))) continue;
      out.unknown.push(piece);
    }
    if (seen.size < 10_000) seen.set(key, out);
    return out;
  };
}

/** The word 税务 writes for a code (its 代缴类别), from the table's 'tax' aliases; null where it has none. */
export function taxWords(table: AliasTable): (code: PersonCategory) => string | null {
  return (code) => table.codes[code]?.find((x) => x.source === 'tax')?.alias ?? null;
}
