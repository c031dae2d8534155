// A table the county may edit (resources/aliases, resources/layouts), read once and checked by
// its schema: a bad edit names the file, the problem and where it is.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';

export function readYamlTable<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}：${parsed.error.issues[0]!.message}（${parsed.error.issues[0]!.path.join('.')}）`);
  return parsed.data;
}

/** The table at `file()`, read the first time it is asked for. */
export function cachedYamlTable<S extends z.ZodType>(file: () => string, schema: S): () => z.output<S> {
  let cached: z.output<S> | undefined;
  return () => (cached ??= readYamlTable(file(), schema));
}
