import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadPolicies } from '../../src-main/policies/load';

export const POLICY_DIR = path.resolve('resources/policies');
export const policies = loadPolicies(POLICY_DIR);

export function policy(id: string) {
  const p = policies.get(id);
  if (!p) throw new Error(`no policy ${id}`);
  return p;
}

export function fixture<T>(rel: string): T {
  return YAML.parse(fs.readFileSync(path.resolve('test/fixtures', rel), 'utf8')) as T;
}
