// A new year's notice arrives as a policy file: checked against every policy the office has
// (so `extends` resolves), then kept beside the ledger and in force at once.
import fs from 'node:fs';
import { comparePolicies } from '../domain/policy/compare';
import path from 'node:path';
import { z } from 'zod';
import { PolicyError, resolvePolicies } from '../domain/policy/resolve';
import { defaultPolicyDir, officePolicyDir, parsePolicyText, readPolicyDocuments } from '../policies/load';
import type { Policy } from '../domain/policy/schema';
import { subsidyTable } from '../domain/policy/table';
import type { PolicySummary } from './contract';
import type { Context } from './handler';
import { Refusal, audit, reads, sourceFile, writes } from './handler';
import { discardUpload } from '../files/uploads';
import { getOffice } from '../ledger/office';
import { policyName, regionFit } from '../domain/policy/place';
import type { Office } from '../types/office';

const MAX_POLICY_BYTES = 1024 * 1024;

/** A policy as the screens show it, named and placed against the office as it is set up now. */
function summary(p: Policy, office: Office): PolicySummary {
  return {
    id: p.id,
    name: policyName(p),
    fit: regionFit(p.region, office),
    region: p.region,
    coverageYear: p.coverageYear,
    abstract: p.abstract ?? false,
    sources: p.sources.map((s) => ({ number: s.number, title: s.title, date: s.date })),
  };
}

export const policyHandlers = {
  'policies.list': reads('clerk', z.object({}).strict(), (ctx) => {
    const office = getOffice(ctx.db);
    return [...ctx.policies.values()].map((p) => summary(p, office));
  }),

  'policies.table': reads('clerk', z.object({ policyId: z.string() }), (ctx, arg) => {
    const p = ctx.policies.get(arg.policyId);
    if (!p) throw new Refusal('not_found', `没有政策「${arg.policyId}」。`);
    return subsidyTable(p);
  }),

  'policies.compare': reads(
    'clerk',
    z.object({ before: z.string({ error: '请选择要对比的政策。' }), after: z.string({ error: '请选择要对比的政策。' }) }),
    (ctx, arg) => {
      const [a, b] = [ctx.policies.get(arg.before), ctx.policies.get(arg.after)];
      if (!a) throw new Refusal('not_found', `没有政策「${arg.before}」。`, 'before');
      if (!b) throw new Refusal('not_found', `没有政策「${arg.after}」。`, 'after');
      if (a.abstract || b.abstract) throw new Refusal('invalid_input', '基础政策不能单独对比，请选择本地区的具体政策。');
      return comparePolicies(a, b);
    },
  ),

  'policies.import': writes('admin', z.object({ file: z.string().min(1, '请选择政策文件。'), name: z.string().max(200).optional() }), (ctx, arg) => {
    try {
      return importPolicy(ctx, arg);
    } finally {
      discardUpload(ctx.dataDir, arg.file);
    }
  }),
};

function importPolicy(ctx: Context, arg: { file: string; name?: string | undefined }): PolicySummary {
  sourceFile(ctx, arg.file);
  const shown = arg.name ?? path.basename(arg.file);
  if (!/\.ya?ml$/i.test(shown)) throw new Refusal('invalid_input', `「${shown}」不是政策文件：政策文件是 .yaml 文本文件。`, 'file');
  if (!fs.existsSync(arg.file)) throw new Refusal('not_found', '找不到这个文件。', 'file');
  if (fs.statSync(arg.file).size > MAX_POLICY_BYTES) throw new Refusal('invalid_input', '政策文件太大（超过 1 MB），请确认选对了文件。', 'file');
  const officeDir = officePolicyDir(ctx.dataDir);
  let resolved: Map<string, Policy>;
  let id: string;
  try {
    const doc = parsePolicyText(shown, fs.readFileSync(arg.file, 'utf8'));
    id = String((doc.data as { id?: unknown } | null)?.id ?? '');
    // A corrected copy of one of the office's own files replaces it.
    const own = fs.existsSync(officeDir) ? readPolicyDocuments(officeDir).filter((d) => d.file !== `${id}.yaml`) : [];
    resolved = resolvePolicies([...readPolicyDocuments(defaultPolicyDir()), ...own, doc]);
  } catch (e) {
    if (e instanceof PolicyError) throw new Refusal('invalid_input', `政策文件有误：${e.message}`, 'file');
    throw e;
  }
  // Audited first: if the copy fails, the transaction takes the entry back.
  audit(ctx, { action: 'policies.import', entity: 'policy', entityId: id, after: { id, file: shown } });
  fs.mkdirSync(officeDir, { recursive: true });
  fs.copyFileSync(arg.file, path.join(officeDir, `${id}.yaml`));
  ctx.policies = resolved;
  return summary(resolved.get(id)!, getOffice(ctx.db));
}
