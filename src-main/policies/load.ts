// Reads the policy files from disk (resources/policies/*.yaml) and hands them to the pure
// resolver. The only place that knows policies live in files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { PolicyError, resolvePolicies, type PolicyDocument } from '../domain/policy/resolve';
import type { Policy } from '../domain/policy/schema';

/** resources/policies of the source tree or of the built app, whichever holds the files. */
export function defaultPolicyDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../resources/policies'), path.resolve(here, '../../../resources/policies'), path.resolve('resources/policies')];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0]!;
}

export function parsePolicyText(file: string, text: string): PolicyDocument {
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new PolicyError(file, line ? `第 ${line} 行` : '', `不是有效的 YAML：${e.message.split('\n')[0]}`);
  }
  // Dates stay strings: YAML 1.2 core schema does not turn 2024-01-01 into a Date.
  return { file, data: doc.toJS() };
}

export function readPolicyDocuments(dir = defaultPolicyDir()): PolicyDocument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => parsePolicyText(f, fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** The office's own policy files (imported through the 政策 screen) live beside its ledger. */
export const officePolicyDir = (dataDir: string) => path.join(dataDir, 'policies');

/** The bundled policies and, when given, the office's own; ids must be unique across both. */
export function loadPolicies(dir = defaultPolicyDir(), officeDir?: string): Map<string, Policy> {
  const docs = [...readPolicyDocuments(dir), ...(officeDir && fs.existsSync(officeDir) ? readPolicyDocuments(officeDir) : [])];
  for (const d of docs) {
    const id = (d.data as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && `${id}.yaml` !== d.file && `${id}.yml` !== d.file) {
      throw new PolicyError(d.file, 'id', `政策编号 ${id} 与文件名不一致（应为 ${id}.yaml）`);
    }
  }
  return resolvePolicies(docs);
}
