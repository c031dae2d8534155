// What the import kinds share on the way in: reading the file with the office's remembered
// layouts, row loops that yield and stop on a cancel, problems in row order, the year a
// not-enrolled reason is for, and the labels a list may use for a category.
import { chinaDate } from '../domain/dates';
import type { FieldKey, HeaderWords, Mapping } from '../domain/import/fields';
import type { PersonCategory } from '../domain/codes';
import { readForImport, type ReadResult, type Tick } from '../excel/importing';
import { TableReadError } from '../excel/table';
import { yielder } from '../excel/tick';
import { latestPolicy } from '../enrollment/policy';
import { layoutOptions } from '../ledger/import-layouts';
import { officePolicies } from '../ledger/enrollments';
import { Refusal, type Context } from '../service/context';
import type { JobHandle } from '../service/job-handle';
import type { ImportKind, ImportProblem } from '../types/imports';

export async function readFile<R>(
  ctx: Context,
  kind: ImportKind,
  arg: { file: string; words: HeaderWords; mapping?: Mapping | undefined; headerRow?: number | undefined },
  job: JobHandle,
  required: FieldKey[],
  parse: (cells: string[], m: Mapping, row: number) => R | ImportProblem | null,
  hints?: Partial<Record<FieldKey, string>>,
): Promise<ReadResult<R>> {
  try {
    return await readForImport(arg.file, {
      required,
      parse,
      words: arg.words,
      ...(hints ? { hints } : {}),
      ...layoutOptions(ctx.db, kind, arg),
      read: { signal: job.signal, onProgress: (done, total) => job.progress('读取文件', done, total) },
    });
  } catch (e) {
    if (job.signal.aborted) throw new Refusal('conflict', '已取消，数据未被修改。');
    if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'file');
    throw e;
  }
}

/** A tick for row loops: yields every 500 rows, reports progress, and stops on cancel. */
export function rowTick(job: JobHandle, phase: string, total: number): Tick {
  return yielder(500, (n) => {
    job.check();
    job.progress(phase, n, total);
  });
}

export const sortByRow = (xs: ImportProblem[]) => xs.sort((a, b) => a.row - b.row);

/** The name a file gives under an ID number, for a person no longer in the ledger. */
export function nameInFile(records: readonly { idNumber: string; name?: string }[]): (idNumber: string) => string | undefined {
  let byNumber: Map<string, string> | undefined;
  return (n) => (byNumber ??= new Map(records.map((r) => [r.idNumber, r.name ?? '']))).get(n) || undefined;
}

/** The year a not-enrolled reason is for unless the clerk chose: the newest the office has a policy for. */
export const worklistYear = (ctx: Context) => latestPolicy(ctx)?.coverageYear ?? Number(chinaDate(ctx.now()).slice(0, 4));

/** Every label the office's policies use for a category, for matching department lists. */
export function policyLabels(ctx: Context): [string, PersonCategory][] {
  const out: [string, PersonCategory][] = [];
  // A region's own list words come first and only for an office on that region's policy:
  // 瑞州 files a list's 残疾军人 of any grade under its 六类对象; 重庆 does not.
  const ours = new Set(officePolicies(ctx.db).map((p) => p.policyId));
  for (const p of ctx.policies.values())
    if (ours.has(p.id)) for (const [code, c] of Object.entries(p.categories)) for (const w of c?.listWords ?? []) out.push([w, code as PersonCategory]);
  for (const p of ctx.policies.values()) for (const [code, c] of Object.entries(p.categories)) if (c?.label) out.push([c.label, code as PersonCategory]);
  return out;
}
