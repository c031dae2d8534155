// A table the county may edit (resources/aliases, resources/layouts), checked by its schema:
// a bad edit names the file, the line and the fault in Chinese, for whoever edited it to fix,
// instead of an import failing somewhere inside.
import fs from 'node:fs';
import path from 'node:path';
import YAML, { isMap, isPair, isScalar, LineCounter, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { PERSON_CATEGORIES, codeChoices } from '../domain/codes';

export interface TableFault {
  /** 1-based; null when the fault has no one place (the file is missing). */
  line: number | null;
  message: string;
}

export type TableCheck<T> = { ok: true; value: T } | { ok: false; faults: TableFault[] };

/** `categories.yaml 第 12 行：“低保对象”同时列在 min_living 和 destitute 下` */
export const faultText = (file: string, f: TableFault) => `${file}${f.line ? ` 第 ${f.line} 行` : ''}：${f.message}`;

// The YAML library's words for a broken file, in the county's.
const YAML_FAULTS: Record<string, string> = {
  DUPLICATE_KEY: '同一层里有两个相同的名称',
  BAD_INDENT: '缩进不对（同一层的各项要对齐，花括号、方括号要配对）',
  TAB_AS_INDENT: '用了 Tab 缩进，请改用空格',
  MISSING_CHAR: '少了配对的符号（引号、括号或冒号）',
  MULTILINE_IMPLICIT_KEY: '一项名称跨了行（可能少了冒号或缩进不对）',
  BLOCK_AS_IMPLICIT_KEY: '缩进不对（一项列表写在了名称的位置）',
  UNEXPECTED_TOKEN: '有多余的符号',
};

// A table's faults beyond the first few are the same edit again, or follow from it.
const MAX_FAULTS = 20;

/** Checks a table's text: YAML syntax first, then the schema, each fault at its line. */
export function checkTableText<S extends z.ZodType>(text: string, schema: S): TableCheck<z.output<S>> {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lines.linePos(offset).line);
  // The first syntax error only: those after it mostly follow from it.
  const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first)
    return {
      ok: false,
      faults: [{ line: lineAt(first.pos[0]), message: `不是有效的 YAML：${YAML_FAULTS[first.code] ?? '格式有误'}（${first.message.split('\n')[0]}）` }],
    };
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  const faults = parsed.error.issues.slice(0, MAX_FAULTS).flatMap((iss): TableFault[] => {
    if (iss.code === 'unrecognized_keys')
      return iss.keys.map((k) => ({ line: lineAt(keyNode(doc, iss.path, k)?.range?.[0]), message: unknownKey(iss.path, k) }));
    return [{ line: lineAt(nearestNode(doc, iss.path)?.range?.[0]), message: issueMessage(doc, iss, lineAt) }];
  });
  return { ok: false, faults: faults.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** Reads and checks a table; a fault throws, naming the file and the line. */
export function readYamlTable<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const r = checkTableText(fs.readFileSync(file, 'utf8'), schema);
  if (!r.ok) throw new Error(r.faults.map((f) => faultText(path.basename(file), f)).join('；'));
  return r.value;
}

type Path = readonly PropertyKey[];

/** The node at `path`, or the nearest one above it that exists (a missing key is its map's). */
function nearestNode(doc: Document, p: Path): Node | null {
  for (let n = p.length; n >= 0; n--) {
    const node = doc.getIn(p.slice(0, n) as unknown[], true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return null;
}

/** The key `k` of the map at `path`, where an unknown key is written. */
function keyNode(doc: Document, p: Path, k: string): Node | null {
  const map = nearestNode(doc, p);
  if (isMap(map)) for (const pair of map.items) if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === k) return pair.key;
  return map;
}

function unknownKey(p: Path, k: string): string {
  const parent = String(p.at(-1) ?? '');
  if (parent === 'codes') return `不认识的类别代码“${k}”（可用的类别代码：${codeChoices(PERSON_CATEGORIES)}）`;
  if (parent === 'fields' || parent === 'fallbacks') return `不认识的字段“${k}”（程序导入的字段见本文件已有的各项，如 name、idNumber）`;
  return `不认识的项“${k}”`;
}

function issueMessage(doc: Document, iss: z.core.$ZodIssue, lineAt: (offset: number | undefined) => number | null): string {
  // The name the county wrote (alias, source), not the path to it: the line says where.
  const key = [...iss.path].reverse().find((k) => typeof k === 'string');
  const at = key ? `“${key}”` : '文件';
  switch (iss.code) {
    case 'custom': {
      // A fault between two entries (an alias under two codes) names the other one's line too.
      const also = (iss.params as { alsoAt?: PropertyKey[] } | undefined)?.alsoAt;
      const line = also ? lineAt(nearestNode(doc, also)?.range?.[0]) : null;
      return line ? `${iss.message}（另一处在第 ${line} 行）` : iss.message;
    }
    case 'invalid_value':
      // Our enums say it in Chinese already (未知的人员类别代码「…」).
      return /[\u4e00-\u9fff]/.test(iss.message) ? iss.message : `${at}的值“${String(doc.getIn(iss.path as unknown[]))}”不是可用的值`;
    case 'invalid_type':
      return doc.getIn(iss.path as unknown[]) === undefined
        ? `缺少${at}`
        : `${at}的写法不对（应为${iss.expected === 'array' ? '列表' : iss.expected === 'object' ? '一组“名称: 值”' : '文字'}）`;
    case 'too_small':
      return iss.origin === 'array' ? `${at}至少要有 ${String(iss.minimum)} 项` : `${at}不能为空`;
    default:
      return `${at}不对（${iss.message}）`;
  }
}
