// Reads the alias table (resources/aliases/categories.yaml) once. The only place that knows it is a file.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { aliasTableSchema, type AliasTable } from '../domain/import/category-labels';
import { defaultPolicyDir } from './load';

export const defaultAliasFile = () => path.join(path.dirname(defaultPolicyDir()), 'aliases', 'categories.yaml');

let cached: AliasTable | null = null;

export function readAliasTable(file: string): AliasTable {
  const parsed = aliasTableSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}：${parsed.error.issues[0]!.message}（${parsed.error.issues[0]!.path.join('.')}）`);
  return parsed.data;
}

export function categoryAliases(): AliasTable {
  return (cached ??= readAliasTable(defaultAliasFile()));
}
