// The tables a county edits without a release: the category aliases and the header words.
// Checked when the app starts and again whenever the file has changed since (looked at on
// each use), so a bad edit is named — file, line, fault — on 工作台 and 导入导出 while the app
// keeps running, every import that needs the table refuses with that name, and the fixed file
// is taken at the next import without a restart.
import fs from 'node:fs';
import path from 'node:path';
import { aliasTableSchema, type AliasTable } from '../domain/import/category-labels';
import { headerWordsSchema, type HeaderWords } from '../domain/import/fields';
import type { CountyTable } from '../types/office';
import { defaultPolicyDir } from './load';
import { checkTableText, faultText, type TableCheck } from './yaml-table';

/** resources/ of the source tree or of the built app: policies/, aliases/, layouts/. */
export const defaultResourcesDir = () => path.dirname(defaultPolicyDir());

/** Where each table is under resources/: the only place that says so. */
export const TABLE_FILES = { aliases: 'aliases/categories.yaml', headers: 'layouts/headers.yaml' } as const;

// What each table is called on screen, and what stops while it is broken.
const TABLES = {
  aliases: { rel: TABLE_FILES.aliases, title: '人员类别对照表', uses: '部门名单、缴费名单的导入，税务代缴明细的导出', schema: aliasTableSchema },
  headers: { rel: TABLE_FILES.headers, title: '表头文字对照表', uses: '所有导入（认表头、对应各列）', schema: headerWordsSchema },
} as const;
type TableKey = keyof typeof TABLES;
type Value<K extends TableKey> = K extends 'aliases' ? AliasTable : HeaderWords;

/** Thrown by a broken table's getter: its message names the file, the line and the fault. */
export class BrokenTable extends Error {
  constructor(readonly table: CountyTable) {
    const shown = table.faults.slice(0, 3).map((f) => f.text);
    super(
      `${table.title}（${table.file}）有误，暂时不能使用：${shown.join('；')}${table.faults.length > shown.length ? `；等 ${table.faults.length} 处` : ''}。` +
        `请管理员改正 ${table.path} 后重试，不用重启程序。`,
    );
  }
}

export interface CountyTables {
  readonly dir: string;
  aliases(): AliasTable;
  headerWords(): HeaderWords;
  /** Each table as checked now (the file is looked at again): its faults, none when it is fine. */
  status(): CountyTable[];
}

/** The county's tables under `dir` (resources/), each re-read when its file changes. */
export function countyTables(dir: string = defaultResourcesDir()): CountyTables {
  const watched = new Map<TableKey, { stamp: string; check: TableCheck<unknown> }>();
  const current = <K extends TableKey>(key: K): TableCheck<Value<K>> => {
    const file = path.join(dir, TABLES[key].rel);
    let stamp: string;
    try {
      // A save replaces the file or rewrites it: either changes one of these.
      const s = fs.statSync(file);
      stamp = `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch {
      stamp = 'missing';
    }
    const known = watched.get(key);
    if (known?.stamp === stamp) return known.check as TableCheck<Value<K>>;
    let check: TableCheck<unknown>;
    try {
      check =
        stamp === 'missing'
          ? { ok: false, faults: [{ line: null, message: '找不到这个文件' }] }
          : checkTableText(fs.readFileSync(file, 'utf8'), TABLES[key].schema);
    } catch (e) {
      check = { ok: false, faults: [{ line: null, message: `读不出这个文件（${e instanceof Error ? e.message : String(e)}）` }] };
    }
    watched.set(key, { stamp, check });
    return check as TableCheck<Value<K>>;
  };
  const describe = (key: TableKey): CountyTable => {
    const t = TABLES[key];
    const file = path.basename(t.rel);
    const check = current(key);
    const faults = check.ok ? [] : check.faults.map((f) => ({ ...f, text: faultText(file, f) }));
    return { file, path: path.join(dir, t.rel), title: t.title, uses: t.uses, faults };
  };
  const value = <K extends TableKey>(key: K): Value<K> => {
    const check = current(key);
    if (!check.ok) throw new BrokenTable(describe(key));
    return check.value;
  };
  return {
    dir,
    aliases: () => value('aliases'),
    headerWords: () => value('headers'),
    status: () => (Object.keys(TABLES) as TableKey[]).map(describe),
  };
}

let bundled: CountyTables | undefined;
/** The tables under the app's own resources/ (what the office runs with unless told otherwise). */
export const bundledTables = () => (bundled ??= countyTables());
