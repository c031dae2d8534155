// Turns parsed policy documents into validated, resolved policies: `extends` is applied
// (objects merge key by key, the child's value wins; lists are replaced whole), then the
// result is checked. Every problem names the file, the field and what is wrong, in Chinese.
import type { z } from 'zod';
import { DEPARTMENTS, OTHER_PERSON_FACTS, SUBSIDY_CATEGORIES, codeChoices } from '../codes';
import { policySchema, type Policy } from './schema';
import { checkOwnCitations, checkSemantics } from './validate';

export interface PolicyDocument {
  /** File name as the clerk sees it, e.g. cq-2024.yaml. */
  file: string;
  data: unknown;
}

export class PolicyError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}：${field ? `${field}：` : ''}${problem}`);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Values that are one choice among shapes ({ fen } or { percentOfTier1 }; a benefit rule;
// an exemption) are replaced whole: merging them would mix two shapes into neither.
const REPLACED_WHOLE = /^(categories\.[^.]+\.amounts\.[12]|windows\.[^.]+\.benefit|waitingExemptions\.[^.]+)$/;

export function mergePolicy(base: unknown, child: unknown, path = ''): unknown {
  if (!isPlainObject(base) || !isPlainObject(child) || REPLACED_WHOLE.test(path)) return child;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(child)) {
    const sub = path ? `${path}.${k}` : k;
    out[k] = k in base ? mergePolicy(base[k], v, sub) : v;
  }
  return out;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

// Maps keyed by glossary codes report an unknown code as an unrecognised key, with the codes
// that may be written there.
const KEYED_BY_CODE: Record<string, { kind: string; codes: Readonly<Record<string, string>> }> = {
  categories: { kind: '资助类别代码', codes: SUBSIDY_CATEGORIES },
  departments: { kind: '资助认定部门代码', codes: DEPARTMENTS },
  outOfScopeFacts: { kind: '人员身份代码', codes: OTHER_PERSON_FACTS },
};

function describeIssue(issue: z.core.$ZodIssue): { field: string; problem: string } {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const parent = String(issue.path[issue.path.length - 1] ?? '');
    const keyed = KEYED_BY_CODE[parent];
    return {
      field: fieldPath([...issue.path, key]),
      problem: keyed ? `未知的${keyed.kind}「${key}」。可用的代码：${codeChoices(keyed.codes)}` : `不认识的字段「${key}」`,
    };
  }
  return { field: fieldPath(issue.path), problem: issue.message };
}

export function resolvePolicies(docs: readonly PolicyDocument[]): Map<string, Policy> {
  const byId = new Map<string, PolicyDocument & { data: Record<string, unknown> }>();
  for (const doc of docs) {
    if (!isPlainObject(doc.data)) throw new PolicyError(doc.file, '', '文件内容不是一个政策对象（应以 id: … 开头的键值对）');
    const id = doc.data.id;
    if (typeof id !== 'string' || !id) throw new PolicyError(doc.file, 'id', '缺少政策编号');
    const other = byId.get(id);
    if (other) throw new PolicyError(doc.file, 'id', `政策编号 ${id} 与 ${other.file} 重复`);
    checkOwnCitations(doc.data, (field, problem) => new PolicyError(doc.file, field, problem));
    byId.set(id, { ...doc, data: doc.data });
  }

  const resolved = new Map<string, unknown>();
  const resolving = new Set<string>();
  function resolveRaw(id: string): unknown {
    const done = resolved.get(id);
    if (done) return done;
    const doc = byId.get(id)!;
    const parent = doc.data.extends;
    let merged: unknown = doc.data;
    if (parent !== undefined) {
      if (typeof parent !== 'string' || !byId.has(parent)) {
        throw new PolicyError(doc.file, 'extends', `继承的政策「${String(parent)}」不存在`);
      }
      if (resolving.has(parent)) throw new PolicyError(doc.file, 'extends', `政策继承关系出现循环（${[...resolving, parent].join(' → ')}）`);
      resolving.add(id);
      const base = resolveRaw(parent) as Record<string, unknown>;
      resolving.delete(id);
      // abstract is a property of the file itself, never inherited.
      const { abstract: _abstract, ...inheritable } = base;
      merged = mergePolicy(inheritable, doc.data);
    }
    resolved.set(id, merged);
    return merged;
  }

  const out = new Map<string, Policy>();
  for (const [id, doc] of byId) {
    const parsed = policySchema.safeParse(resolveRaw(id));
    if (!parsed.success) {
      const { field, problem } = describeIssue(parsed.error.issues[0]!);
      throw new PolicyError(doc.file, field, problem);
    }
    checkSemantics(parsed.data, (field, problem) => new PolicyError(doc.file, field, problem));
    out.set(id, parsed.data);
  }
  return out;
}
