// Reads the header words (resources/layouts/headers.yaml) once. The only place that knows it is a file.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { headerWordsSchema, type HeaderWords } from '../domain/import/fields';
import { defaultPolicyDir } from './load';

export const defaultHeaderFile = () => path.join(path.dirname(defaultPolicyDir()), 'layouts', 'headers.yaml');

let cached: HeaderWords | null = null;

export function readHeaderWords(file: string): HeaderWords {
  const parsed = headerWordsSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}：${parsed.error.issues[0]!.message}（${parsed.error.issues[0]!.path.join('.')}）`);
  return parsed.data;
}

export function headerWords(): HeaderWords {
  return (cached ??= readHeaderWords(defaultHeaderFile()));
}
