import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { chinaDate } from '../domain/dates';
import { FIELD_LABELS, KIND_FIELDS, type FieldKey, type HeaderWords, type Mapping } from '../domain/import/fields';
import { batchChanges, beginUndo, closeBatch, keepStanding, listBatches, markUndone, openBatch } from '../ledger/import-batches';
import { undoRoster } from '../imports/roster';
import { changedSinceBatch, laterChangesMessage, personOfChange } from '../imports/later-changes';
import type { CommitResult, PreviewResult } from '../imports/worker-tasks';
import { layoutOptions, rememberLayout, savedLayouts } from '../ledger/import-layouts';
import { allStagedProblems, stagingFile, type StagedCounts } from '../imports/roster-staging';
import { runImportTask, TaskFailed } from '../imports/worker-run';
import { guessColumns, headRows, readForImport, type ReadResult } from '../excel/importing';
import { TableReadError } from '../excel/table';
import type { BatchCounts, ImportColumns, ImportKind, ImportOptions, ImportPreview, ImportProblem, KindCounts, PreviewCounts } from './contract';
import { IMPORT_KIND_CODES, type PersonCategory } from '../domain/codes';
import { categoryReader } from '../domain/import/category-labels';
import { aliasesOf, headerWordsOf } from '../service/tables';
import { latestPolicy } from '../enrollment/policy';
import { categoryLabel } from '../domain/policy/compile';
import { displayNames } from '../ledger/users';
import { parseCategoryRow, parsePaymentRow, parseSituationRow, type CategoryRecord, type PaymentRecord, type SituationRecord } from '../domain/import/rows';
import { commitSituations, planSituations, undoSituations, type SituationPlan } from '../imports/situations';
import { categoryChanges, commitCategories, planCategories, undoCategories, type CategoryOptions, type CategoryPlan } from '../imports/categories';
import { commitPayments, planPayments, undoPayments, type PaymentPlan } from '../imports/payments';
import { commitInsurance, planInsurance, undoInsurance, type InsurancePlan } from '../imports/insurance';
import { divisionWhere, parseInsuranceRow, type InsuranceRecord } from '../domain/import/insurance';
import { getOffice } from '../ledger/office';
import { coverageYear, department, idOf, isoDate, personCategory } from './fields';
import { discardUpload, holdUpload, releaseUpload } from '../files/uploads';
import { outputFile } from '../files/outputs';
import { writeProblemReport } from '../imports/report';
import { ioProblem } from '../ledger/space';
import { untouchedSince, type LedgerMark, type StaleRow } from '../ledger/changes-since';
import { beginPromise, brokenPromise, promiseOf, staleMessage, type ReadPromise } from '../imports/dry-run-promise';
import { backUpQuietly } from '../service/backups';
import type { FileYear } from '../domain/import/file-years';
import { checkFullList, newlyKnown, partialBecause, recordFullList, yearsOfFile } from '../imports/full-list';
import type { Context } from './handler';
import { startJob, yielder, type JobHandle } from './jobs';
import type { Tick } from '../excel/importing';
import { Refusal, actorOf, audit, caller, reads, sourceFile, task, writes } from './handler';

/** What the dry run of a roster import read; its rows wait in the staging file. */
type StagedRead = Omit<PreviewResult, 'counts' | 'problems' | 'changes'>;

type Planned =
  | {
      kind: 'roster';
      file: string;
      read: StagedRead;
      staging: string;
      counts: StagedCounts;
      reasonYear: number;
      problems: ImportProblem[];
      changes: PreviewResult['changes'];
    }
  | { kind: 'categories'; file: string; read: ReadResult<CategoryRecord>; plan: CategoryPlan; options: CategoryOptions; problems: ImportProblem[] }
  | { kind: 'payments'; file: string; read: ReadResult<PaymentRecord>; plan: PaymentPlan; years: FileYear[]; problems: ImportProblem[] }
  | { kind: 'situations'; file: string; read: ReadResult<SituationRecord>; plan: SituationPlan; problems: ImportProblem[] }
  | { kind: 'insurance'; file: string; read: ReadResult<InsuranceRecord>; plan: InsurancePlan; years: FileYear[]; problems: ImportProblem[] };

/**
 * A dry run and what it promised: the ledger's mark before it read anything, who each ID number
 * named (a roster keeps that in its staging file), and the generation of dry runs it belongs to.
 */
type Prepared = Planned & { mark: LedgerMark; promise: ReadPromise | null; generation: number };

/** The field of a refusal that says: this dry run no longer holds, dry-run the file again. */
const STALE_DRY_RUN = 'token';

// An undo or a restore ends every open dry run: what they read may be gone.
const generations = new WeakMap<Context, { n: number; why: string }>();
const generationOf = (ctx: Context) => generations.get(ctx) ?? { n: 0, why: '' };

/** Ends every dry run kept or under way, saying why to the tab that tries to commit one. */
export function endDryRuns(ctx: Context, why: string, restored = false): void {
  generations.set(ctx, { n: generationOf(ctx).n + 1, why });
  // A restored ledger has its own batches: a landed commit remembered from before is no answer there.
  if (restored) committed.clear();
  // The uploaded files stay (the hourly sweep takes them): the clerk dry-runs the same file again.
  for (const [t, p] of [...preparedOf(ctx)]) dropPrepared(ctx, t, p.file);
}

// Between the dry run and the commit, the checked rows wait here (one office, one clerk).
const prepared = new WeakMap<Context, Map<string, Prepared>>();
const preparedOf = (ctx: Context) => {
  let m = prepared.get(ctx);
  if (!m) prepared.set(ctx, (m = new Map()));
  return m;
};

/**
 * Forgets a dry run: its staging file goes, and the uploaded copy it read unless still in use.
 * Until then the copy is held (files/uploads.ts): the problem report reads it again.
 */
function dropPrepared(ctx: Context, token: string, keepFile?: string): void {
  const p = preparedOf(ctx).get(token);
  if (p && p.generation !== generationOf(ctx).n) {
    if (endedBy.size > 1000) endedBy.clear();
    endedBy.set(token, generationOf(ctx).why);
  }
  preparedOf(ctx).delete(token);
  if (p?.kind === 'roster') fs.rmSync(p.staging, { force: true });
  if (p) releaseUpload(p.file);
  if (p && p.file !== keepFile) discardUpload(ctx.dataDir, p.file);
}

/** Tokens of dry runs ended by an undo or a restore, with why. */
const endedBy = new Map<string, string>();

// Dry runs under way read the ledger (a roster's in its worker thread, through a connection of
// its own): a restore must not pull the file from under them.
const dryRuns = new WeakMap<Context, number>();
export const dryRunsRunning = (ctx: Context) => dryRuns.get(ctx) ?? 0;

// Each dry run belongs to the window or tab that made it: another tab's new dry run of the
// same kind does not replace it, and its token is no use elsewhere.
const owners = new WeakMap<Prepared, string>();
/** Dry runs of one kind kept across all windows and tabs; past this the oldest goes. */
const MAX_PREPARED_PER_KIND = 4;
/** Tokens of dry runs dropped to keep that bound, so their tab is told why. */
const crowdedOut = new Set<string>();

function keepPrepared(ctx: Context, token: string, p: Prepared): void {
  const me = caller().key;
  // A new dry run (the clerk corrected the mapping, or chose another file) replaces the one
  // before of its kind: a roster's staging file is as big as the ledger's share of it.
  for (const [t, q] of preparedOf(ctx)) if (q.kind === p.kind && owners.get(q) === me) dropPrepared(ctx, t, p.file);
  const same = [...preparedOf(ctx)].filter(([, q]) => q.kind === p.kind);
  for (const [t] of same.slice(0, Math.max(0, same.length - MAX_PREPARED_PER_KIND + 1))) {
    dropPrepared(ctx, t, p.file);
    if (crowdedOut.size > 1000) crowdedOut.clear();
    crowdedOut.add(t);
  }
  owners.set(p, me);
  preparedOf(ctx).set(token, p);
}

function mustGetPrepared(ctx: Context, token: string): Prepared {
  const found = preparedOf(ctx).get(token);
  const p = found && owners.get(found) === caller().key ? found : undefined;
  if (p && p.generation !== generationOf(ctx).n) dropPrepared(ctx, token);
  const ended = endedBy.get(token);
  if (ended !== undefined && (!p || p.generation !== generationOf(ctx).n))
    throw new Refusal('conflict', `${ended}，这次试导入的检查结果已失效，台账没有改动。请重新试导入后再确认导入。`, STALE_DRY_RUN);
  // An undo ends every open dry run, once it has landed: read from the ledger, not remembered
  // (an undo refused, or stopped by a full disk, ends none).
  const why = p && undoneSince(ctx, p.mark);
  if (p && why) {
    dropPrepared(ctx, token, p.file);
    throw new Refusal('conflict', `${why}，这次试导入的检查结果已失效，台账没有改动。请重新试导入后再确认导入。`, STALE_DRY_RUN);
  }
  if (!p && crowdedOut.has(token))
    throw new Refusal('not_found', `其他窗口又做了几次同类的试导入（同时最多保留 ${MAX_PREPARED_PER_KIND} 次），这次的检查结果已让出，请重新选择文件试导入。`);
  if (!p) throw new Refusal('not_found', '这次导入的检查结果已失效（可能已导入或程序重启过），请重新选择文件。');
  return p;
}

/** Who undid which batch since the mark, in the clerk's words, or null. */
function undoneSince(ctx: Context, mark: LedgerMark): string | null {
  const now = ctx.db.prepare('SELECT count(*) FROM import_batches WHERE undone_at IS NOT NULL').pluck().get() as number;
  if (now === mark.undone) return null;
  const b = ctx.db
    .prepare('SELECT id, file_name AS fileName, undone_by AS undoneBy FROM import_batches WHERE undone_at IS NOT NULL ORDER BY undone_at DESC, id DESC LIMIT 1')
    .get() as {
    id: number;
    fileName: string;
    undoneBy: string;
  };
  return `${displayNames(ctx.db)(b.undoneBy)}撤销了第 ${b.id} 批导入（${b.fileName}）`;
}

const FIELD_KEYS = Object.keys(FIELD_LABELS) as [FieldKey, ...FieldKey[]];
const mappingInput = z.partialRecord(z.enum(FIELD_KEYS), z.number().int().min(0).max(500));
const headerRow = z.number({ error: '表头所在的行应是数字。' }).int().min(0).max(1000, '表头应在文件开头的几十行里。');

/** Every label the office's policies use for a category, for matching department lists. */
function policyLabels(ctx: Context): [string, PersonCategory][] {
  const out: [string, PersonCategory][] = [];
  // A region's own list words come first and only for an office on that region's policy:
  // 瑞州 files a list's 残疾军人 of any grade under its 六类对象; 重庆 does not.
  const ours = new Set(ctx.db.prepare('SELECT policy_id FROM office_policies').pluck().all() as string[]);
  for (const p of ctx.policies.values())
    if (ours.has(p.id)) for (const [code, c] of Object.entries(p.categories)) for (const w of c?.listWords ?? []) out.push([w, code as PersonCategory]);
  for (const p of ctx.policies.values()) for (const [code, c] of Object.entries(p.categories)) if (c?.label) out.push([c.label, code as PersonCategory]);
  return out;
}

const sortByRow = (xs: ImportProblem[]) => xs.sort((a, b) => a.row - b.row);

/** One column is one field: a column named twice would fill a name with an ID number. */
function oneFieldPerColumn(mapping: Mapping | undefined): void {
  if (!mapping) return;
  const by = new Map<number, FieldKey>();
  for (const [f, col] of Object.entries(mapping) as [FieldKey, number][]) {
    const other = by.get(col);
    if (other) throw new Refusal('invalid_input', `第 ${col + 1} 列不能同时作为“${FIELD_LABELS[other]}”和“${FIELD_LABELS[f]}”，请改正列对应关系。`, 'mapping');
    by.set(col, f);
  }
}

async function read<R>(
  ctx: Context,
  arg: { kind: string; file: string; words: HeaderWords; mapping?: Mapping | undefined; headerRow?: number | undefined },
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
      ...layoutOptions(ctx.db, arg.kind, arg),
      read: { signal: job.signal, onProgress: (done, total) => job.progress('读取文件', done, total) },
    });
  } catch (e) {
    if (job.signal.aborted) throw new Refusal('conflict', '已取消，数据未被修改。');
    if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'file');
    throw e;
  }
}

/** A tick for row loops: yields every 500 rows, reports progress, and stops on cancel. */
function rowTick(job: JobHandle, phase: string, total: number): Tick {
  return yielder(500, (n) => {
    job.check();
    job.progress(phase, n, total);
  });
}

/** A refusal the clerk can act on, for a worker task that did not finish. */
function taskRefusal(e: unknown): unknown {
  if (!(e instanceof TaskFailed)) return e;
  if (e.kind === 'cancelled') return new Refusal('conflict', '已取消，数据未被修改。');
  if (e.kind === 'disk') return new Refusal('unavailable', `${e.message}，导入没有完成，台账仍是导入前的样子。请清理磁盘空间后重试。`);
  if (e.kind === 'read') return new Refusal('invalid_input', e.message, 'file');
  if (e.kind === 'memory')
    return new Refusal(
      'unavailable',
      '处理这个文件时内存不够（文件太大，或内容异常），导入没有进行，台账没有改动。请关闭其他程序后重试，或把文件按村分成几个较小的文件分别导入。',
      'file',
    );
  if (e.kind === 'stale') return new Refusal('conflict', '试导入之后，台账里又登记了文件中的人（同一身份证号），数据未被修改。请重新试导入后再确认。');
  return e;
}

/** The year a not-enrolled reason is for unless the clerk chose: the newest the office has a policy for. */
const worklistYear = (ctx: Context) => latestPolicy(ctx)?.coverageYear ?? Number(chinaDate(ctx.now()).slice(0, 4));

async function prepareRoster(
  ctx: Context,
  arg: { file: string; words: HeaderWords; mapping?: Mapping | undefined; headerRow?: number | undefined },
  job: JobHandle,
  token: string,
): Promise<Planned & { promise: null }> {
  const staging = stagingFile(ctx.dataDir, token);
  const reasonYear = worklistYear(ctx);
  try {
    const { counts, problems, changes, ...read } = await runImportTask<PreviewResult>(
      ctx.importWorker,
      {
        op: 'preview',
        dataDir: ctx.dataDir,
        staging,
        file: arg.file,
        words: arg.words,
        mapping: arg.mapping,
        headerRow: arg.headerRow,
        today: chinaDate(ctx.now()),
        reasonYear,
      },
      { signal: job.signal, onProgress: job.progress },
    );
    return { kind: 'roster', promise: null, file: arg.file, read, staging, counts, reasonYear, problems, changes };
  } catch (e) {
    fs.rmSync(staging, { force: true });
    throw taskRefusal(e);
  }
}

async function prepare(
  ctx: Context,
  given: { kind: ImportKind; file: string; mapping?: Mapping | undefined; headerRow?: number | undefined; options?: ImportOptions | undefined },
  job: JobHandle,
  token: string,
  mark: LedgerMark,
): Promise<Planned & { promise: ReadPromise | null }> {
  const today = chinaDate(ctx.now());
  const o = given.options ?? {};
  // The county's tables are checked before the file is read: a broken one refuses, naming its fault.
  const arg = { ...given, words: headerWordsOf(ctx) };
  switch (arg.kind) {
    case 'roster':
      return prepareRoster(ctx, arg, job, token);
    case 'categories': {
      const aliases = aliasesOf(ctx);
      if (!o.department) throw new Refusal('invalid_input', '请选择这份名单的认定部门。', 'options.department');
      const options: CategoryOptions = {
        department: o.department,
        validFrom: o.validFrom ?? today,
        source: o.source ?? path.parse(arg.file).name,
        ...(o.code ? { code: o.code } : {}),
        ...(o.endLost ? { endLost: true } : {}),
      };
      const r = await read(ctx, arg, job, ['idNumber'], (c, m, row) => parseCategoryRow(c, m, row, today));
      const promise = promiseOf(
        ctx.db,
        mark,
        r.records.map((x) => x.idNumber),
      );
      if (r.mapping.category === undefined && r.mapping.disabilityGrade === undefined && !o.code)
        throw new Refusal('invalid_input', '文件没有“人员类别”列，请选择这份名单的类别。', 'options.code');
      const plan = await planCategories(ctx.db, r.records, options, categoryReader(aliases, policyLabels(ctx)), rowTick(job, '核对台账', r.records.length));
      // Those the list would end (not on it) are read too: a change of theirs since refuses the commit.
      if (options.endLost) for (const l of plan.lost) if (!promise.seen.has(l.idNumber)) promise.seen.set(l.idNumber, l.personId);
      return { kind: 'categories', promise, file: arg.file, read: r, plan, options, problems: sortByRow([...r.problems, ...plan.problems]) };
    }
    case 'payments': {
      const aliases = aliasesOf(ctx);
      if (o.paidOn && o.paidOn > today) throw new Refusal('invalid_input', '整批缴费日期不能晚于今天。', 'options.paidOn');
      // 请款明细 has no date column: the clerk says the day of the whole batch.
      const r = await read(ctx, arg, job, o.paidOn ? ['idNumber'] : ['idNumber', 'paidOn'], (c, m, row) => parsePaymentRow(c, m, row, today, o.paidOn), {
        paidOn: '税务的请款明细没有日期列：请在上面的“整批缴费日期”中选这批缴费的日期后重新选择文件；文件另有日期列的，请在列对应关系中指定。',
      });
      const promise = promiseOf(
        ctx.db,
        mark,
        r.records.map((x) => x.idNumber),
      );
      if (r.mapping.amount === undefined && r.mapping.subsidyAmount === undefined)
        throw new Refusal('invalid_input', '文件缺少缴费金额列（缴费金额、个人缴费金额或代缴金额）。请在列对应关系中指定。', 'file');
      if (r.mapping.coverageYear === undefined && !o.coverageYear)
        throw new Refusal('invalid_input', '文件没有“参保年度”列，请选择缴费所属的参保年度。', 'options.coverageYear');
      const plan = await planPayments(
        ctx,
        r.records,
        { coverageYear: o.coverageYear ?? 0 },
        rowTick(job, '核对台账', r.records.length),
        categoryReader(aliases, policyLabels(ctx)),
      );
      const years = yearsOfFile(ctx, plan.years, partialBecause('payments', r.mapping, o.paidOn !== undefined));
      return { kind: 'payments', promise, file: arg.file, read: r, plan, years, problems: sortByRow([...r.problems, ...plan.problems]) };
    }
    case 'situations': {
      const r = await read<SituationRecord>(ctx, arg, job, ['idNumber', 'outOfCounty'], (c, m, row) => parseSituationRow(c, m, row, today));
      const promise = promiseOf(
        ctx.db,
        mark,
        r.records.map((x) => x.idNumber),
      );
      const plan = await planSituations(ctx.db, r.records, o.coverageYear ?? worklistYear(ctx), rowTick(job, '核对台账', r.records.length));
      return { kind: 'situations', promise, file: arg.file, read: r, plan, problems: sortByRow([...r.problems, ...plan.problems]) };
    }
    case 'insurance': {
      const r = await read<InsuranceRecord>(ctx, arg, job, ['idNumber'], (c, m, row) => parseInsuranceRow(c, m, row, today));
      const promise = promiseOf(
        ctx.db,
        mark,
        r.records.map((x) => x.idNumber),
      );
      const office = getOffice(ctx.db);
      const county = { code: office.countyCode, name: office.county };
      // A code can be placed only against the county's own: asked for once, not per row.
      const coded = r.records.find((x) => [x.employee, x.resident].some((f) => f?.division && /^\d{6}/.test(f.division)));
      if (coded && !county.code && divisionWhere('000000', county) === undefined)
        throw new Refusal(
          'invalid_input',
          '文件的“所属区划”是区划代码，但设置中还没有填写本县的区划代码（6 位，如酉阳县 500242），无法判断哪些人在县外参保。请管理员在 设置 → 本所信息 中填写后再试导入。',
          'file',
        );
      // Last year's answer still says where the person is now; older years are history only.
      const plan = await planInsurance(ctx.db, r.records, county, worklistYear(ctx) - 1, rowTick(job, '核对台账', r.records.length));
      const years = yearsOfFile(ctx, plan.years, partialBecause('insurance', r.mapping, false));
      return { kind: 'insurance', promise, file: arg.file, read: r, plan, years, problems: sortByRow([...r.problems, ...plan.problems]) };
    }
  }
}

/**
 * Whether the dry run found anything to write (a department list's lost ones count only when
 * they are to be ended; a full list confirmed for a year not yet known is written by itself).
 */
function writable(ctx: Context, p: Prepared, fullList: readonly number[] = []): boolean {
  if (newlyKnown(ctx, fullList).length) return true;
  switch (p.kind) {
    case 'roster':
      return p.counts.add + p.counts.update + p.counts.leaving > 0;
    case 'categories':
      return p.plan.certify.length + p.plan.redate.length > 0 || (p.options.endLost === true && p.plan.lost.length > 0);
    case 'payments':
      return p.plan.record.length + p.plan.pending.length > 0;
    case 'situations':
    case 'insurance':
      return p.plan.apply.length > 0;
  }
}

function countsOf(p: Prepared): KindCounts<PreviewCounts> {
  switch (p.kind) {
    case 'roster':
      return { kind: p.kind, counts: { ...p.counts } };
    case 'categories':
      return {
        kind: p.kind,
        counts: {
          certify: p.plan.certify.length,
          redate: p.plan.redate.length,
          unchanged: p.plan.unchanged,
          lost: p.plan.lost.length,
          problems: p.problems.length,
        },
      };
    case 'payments':
      return {
        kind: p.kind,
        counts: { record: p.plan.record.length, pending: p.plan.pending.length, unchanged: p.plan.already.length, problems: p.problems.length },
      };
    case 'situations':
      return { kind: p.kind, counts: { apply: p.plan.apply.length, unchanged: p.plan.unchanged, problems: p.problems.length } };
    case 'insurance':
      return {
        kind: p.kind,
        counts: {
          apply: p.plan.apply.filter((c) => c.facts).length,
          history: p.plan.apply.reduce((n, c) => n + c.history.length, 0),
          unchanged: p.plan.unchanged,
          problems: p.problems.length,
        },
      };
  }
}

/** A commit that landed, with what went wrong after it (or around it, told by reading back). */
interface Landed {
  batchId: number;
  note?: string;
}

/**
 * Whether a commit whose answer was an error landed all the same: its batch is in the ledger
 * (the time it was stamped with and the file's hash name it). A failed write is told as it is.
 */
function landedAfterAll(ctx: Context, at: string, fileHash: string, e: unknown): Landed | null {
  const found = ctx.db.prepare('SELECT id FROM import_batches WHERE at = ? AND file_hash = ? AND undone_at IS NULL').pluck().get(at, fileHash) as
    number | undefined;
  if (found === undefined) return null;
  const what = e instanceof TaskFailed || e instanceof Error ? (ioProblem(e) ?? e.message) : String(e);
  return { batchId: found, note: afterLanding(what) };
}

const afterLanding = (what: string) => `导入已经写入台账；之后整理台账文件时出错（${what}），请清理磁盘空间或检查磁盘，不需要重新导入。`;

async function commitRosterTask(ctx: Context, p: Extract<Prepared, { kind: 'roster' }>, job: JobHandle): Promise<Landed> {
  const { fileName, fileHash, rows, signature, mapping } = p.read;
  const at = ctx.now().toISOString();
  try {
    const r = await runImportTask<CommitResult>(
      ctx.importWorker,
      {
        op: 'commit',
        dataDir: ctx.dataDir,
        staging: p.staging,
        at,
        actor: actorOf(ctx),
        fileName,
        fileHash,
        rows,
        signature,
        mapping,
        counts: p.counts,
        reasonYear: p.reasonYear,
        since: p.mark,
      },
      { signal: job.signal, onProgress: job.progress },
    );
    return { batchId: r.batchId, ...(r.afterwards ? { note: afterLanding(r.afterwards) } : {}) };
  } catch (e) {
    const landed = landedAfterAll(ctx, at, fileHash, e);
    if (landed) return landed;
    // The worker names the rows whose person came, went or changed since the dry run.
    if (e instanceof TaskFailed && e.kind === 'stale' && e.message.startsWith('['))
      throw new Refusal('conflict', staleMessage(ctx.db, p.mark, JSON.parse(e.message) as StaleRow[], ctx.now()), STALE_DRY_RUN);
    throw taskRefusal(e);
  }
}

/** The name a file gives under an ID number, for a person no longer in the ledger. */
function nameInFile(records: readonly { idNumber: string; name?: string }[]): (idNumber: string) => string | undefined {
  let byNumber: Map<string, string> | undefined;
  return (n) => (byNumber ??= new Map(records.map((r) => [r.idNumber, r.name ?? '']))).get(n) || undefined;
}

/** The department lists and payment files: small enough to write on this thread, yielding. */
async function commitHere(ctx: Context, p: Exclude<Prepared, { kind: 'roster' }>, job: JobHandle, fullList: readonly number[]): Promise<Landed> {
  const at = ctx.now().toISOString();
  const total = p.kind === 'categories' ? p.plan.certify.length + p.plan.redate.length : p.kind === 'payments' ? p.plan.record.length : p.plan.apply.length;
  const tick = rowTick(job, '写入台账', total);
  ctx.db.exec('BEGIN IMMEDIATE');
  try {
    // Checked inside the write transaction: nothing can change between the check and the write.
    const broken = p.promise && brokenPromise(ctx.db, p.promise, ctx.now(), nameInFile(p.read.records));
    if (broken) throw new Refusal('conflict', broken, STALE_DRY_RUN);
    const batch = openBatch(ctx.db, {
      kind: p.kind,
      fileName: p.read.fileName,
      fileHash: p.read.fileHash,
      actor: actorOf(ctx),
      at,
      ...(p.kind === 'categories'
        ? { options: p.options }
        : p.kind === 'payments' || p.kind === 'insurance'
          ? { options: { coverageYears: p.years.map((y) => y.year), fullList } }
          : {}),
    });
    const rows = p.read.rows;
    const problems = p.problems.length;
    let counts: BatchCounts[ImportKind];
    switch (p.kind) {
      case 'categories': {
        const wrote = await commitCategories(ctx.db, p.plan, p.options, batch.changes, actorOf(ctx), chinaDate(ctx.now()), at, tick);
        counts = { rows, ...wrote, unchanged: p.plan.unchanged, problems } satisfies BatchCounts['categories'];
        break;
      }
      case 'payments':
        counts = {
          rows,
          ...(await commitPayments(ctx, p.plan, batch.id, batch.changes, tick)),
          unchanged: p.plan.already.length,
          problems,
        } satisfies BatchCounts['payments'];
        break;
      case 'situations':
        counts = {
          rows,
          ...(await commitSituations(ctx.db, p.plan, batch.changes, at, tick, p.read.fileName)),
          unchanged: p.plan.unchanged,
          problems,
        } satisfies BatchCounts['situations'];
        break;
      case 'insurance':
        counts = {
          rows,
          ...(await commitInsurance(ctx.db, p.plan, batch.changes, at, tick, p.read.fileName)),
          unchanged: p.plan.unchanged,
          problems,
        } satisfies BatchCounts['insurance'];
        break;
    }
    if (p.kind === 'payments' || p.kind === 'insurance') recordFullList(ctx, batch.id, p.years, newlyKnown(ctx, fullList), at);
    closeBatch(ctx.db, batch.id, counts);
    rememberLayout(ctx.db, p.kind, p.read.signature, p.read.mapping, at);
    audit(ctx, { action: 'import.commit', entity: 'import_batch', entityId: batch.id, after: { kind: p.kind, fileName: p.read.fileName, counts } });
    job.check();
    ctx.db.exec('COMMIT');
    return { batchId: batch.id };
  } catch (e) {
    // All of it, or nothing: a refusal, a cancel or a crash leaves the ledger as it was.
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    // A failed COMMIT is read back, not assumed: the ledger says whether the batch is there.
    const landed = ioProblem(e) ? landedAfterAll(ctx, at, p.read.fileHash, e) : null;
    if (landed) return landed;
    throw e;
  }
}

/** Tokens whose commit landed, with the batch: a retry (a lost answer, a second click) is told so. */
const committed = new Map<string, number>();

export const importHandlers = {
  'import.preview': reads(
    'clerk',
    z.object({
      kind: z.enum(IMPORT_KIND_CODES, { error: '导入类型不对。' }),
      file: z.string().min(1, '请选择文件。'),
      mapping: mappingInput.optional(),
      headerRow: headerRow.optional(),
      jobId: z.string().optional(),
      options: z
        .object({
          code: personCategory.optional(),
          department: department.optional(),
          validFrom: isoDate('认定日期').optional(),
          source: z.string().trim().min(1).max(100).optional(),
          endLost: z.boolean().optional(),
          coverageYear: coverageYear.optional(),
          paidOn: isoDate('缴费日期').optional(),
        })
        .optional(),
    }),
    async (ctx, arg): Promise<ImportPreview> => {
      sourceFile(ctx, arg.file);
      oneFieldPerColumn(arg.mapping);
      const job = startJob(ctx, arg.jobId);
      const token = crypto.randomBytes(12).toString('hex');
      let p: Prepared;
      dryRuns.set(ctx, dryRunsRunning(ctx) + 1);
      // Held while it is read, and after by the dry run it makes, until dropPrepared.
      holdUpload(arg.file);
      try {
        // Taken before anything is read: whatever changes after it shows at the commit.
        const generation = generationOf(ctx).n;
        const mark = beginPromise(ctx.db);
        p = { ...(await prepare(ctx, arg, job, token, mark)), mark, generation };
      } catch (e) {
        releaseUpload(arg.file);
        throw e;
      } finally {
        dryRuns.set(ctx, dryRunsRunning(ctx) - 1);
        job.finish();
      }
      keepPrepared(ctx, token, p);
      return {
        token,
        ...countsOf(p),
        fileName: p.read.fileName,
        headers: p.read.headers,
        mapping: p.read.mapping,
        headerRow: p.read.headerRow,
        // Which mapping was used, and a saved layout set aside: said beside the mapping on screen.
        ...p.read.layout,
        rows: p.read.rows,
        problems: p.problems.slice(0, 500),
        lost: p.kind === 'categories' ? p.plan.lost.slice(0, 500).map((l) => ({ name: l.name, idNumber: l.idNumber, code: l.code })) : [],
        pending: p.kind === 'payments' ? p.plan.pending.slice(0, 500).map((x) => ({ row: x.record.row, field: null, message: x.reason })) : [],
        already: p.kind === 'payments' ? p.plan.already.slice(0, 500) : [],
        changes:
          p.kind === 'insurance'
            ? p.plan.apply.slice(0, 500).map((c) => ({ row: c.row, name: c.name, idNumber: c.idNumber, what: c.what }))
            : p.kind === 'roster'
              ? p.changes
              : p.kind === 'categories'
                ? categoryChanges(p.plan, (c) => categoryLabel(latestPolicy(ctx), c))
                : p.kind === 'situations'
                  ? p.plan.apply.slice(0, 500).map((c) => ({ row: c.record.row, name: c.name, idNumber: c.record.idNumber, what: [c.what] }))
                  : [],
        writable: writable(ctx, p),
        years: p.kind === 'payments' || p.kind === 'insurance' ? p.years : [],
      };
    },
  ),

  'import.report': reads('clerk', z.object({ token: z.string() }), async (ctx, arg) => {
    const p = mustGetPrepared(ctx, arg.token);
    const file = outputFile(ctx.dataDir, 'reports', `问题报告-${p.read.fileName}-${chinaDate(ctx.now())}`);
    const byRow = new Map<number, string[]>();
    for (const pr of p.kind === 'roster' ? allStagedProblems(p.staging, ctx.importWorker?.nativeBinding) : p.problems)
      byRow.set(pr.row, [...(byRow.get(pr.row) ?? []), pr.message]);
    if (p.kind === 'payments') for (const x of p.plan.pending) byRow.set(x.record.row, [...(byRow.get(x.record.row) ?? []), `待核实：${x.reason}`]);
    try {
      return await writeProblemReport(file, p.file, p.read.headers, byRow);
    } catch (e) {
      // The name was taken for it: no report, no empty file under that name.
      fs.rmSync(file, { force: true });
      const io = ioProblem(e);
      if (io) throw new Refusal('unavailable', `${io}，问题报告没有写完，已删除不完整的文件；台账没有改动。`);
      if (e instanceof TableReadError) throw new Refusal('invalid_input', `重新读取文件时出错：${e.message}`, 'file');
      throw new Refusal('unavailable', `问题报告没有写成：${e instanceof Error ? e.message : String(e)}。已删除不完整的文件；台账没有改动。`);
    }
  }),

  // Not a plain writing handler: a large import must not hold the event loop, so it runs in
  // one transaction of its own (a roster in its worker thread; the department lists here,
  // yielding between rows) while other changes are refused.
  'import.commit': task(
    'clerk',
    '正在导入',
    z.object({
      token: z.string(),
      jobId: z.string().optional(),
      // The years the clerk confirms the file is the township's full list of (payments, 医保 lists).
      fullList: z.array(coverageYear).max(20).optional(),
    }),
    async (ctx, arg) => {
      const already = committed.get(arg.token);
      if (already !== undefined) {
        const b = listBatches(ctx.db).find((x) => x.id === already);
        throw new Refusal(
          'conflict',
          b?.undoneAt
            ? `这次导入已写入台账（第 ${already} 批），后来已撤销；没有再写一次。`
            : `这次导入已经写入台账（第 ${already} 批，「${b?.fileName ?? ''}」），没有再写一次。`,
        );
      }
      const p = mustGetPrepared(ctx, arg.token);
      const fullList = [...new Set(arg.fullList ?? [])];
      if (fullList.length) {
        if (p.kind !== 'payments' && p.kind !== 'insurance') throw new Refusal('invalid_input', '只有缴费记录和医保参保名单可以确认为全部名单。', 'fullList');
        checkFullList(p.years, fullList);
      }
      if (!writable(ctx, p, fullList)) {
        // Nothing to write was the dry run's finding: if the ledger changed under it, that comes first.
        const stale =
          p.kind === 'roster'
            ? untouchedSince(ctx.db, p.mark)
              ? null
              : '试导入之后台账又有改动，这次试导入的结果可能已经不对了，台账没有改动。请重新试导入后再确认导入。'
            : p.promise && brokenPromise(ctx.db, p.promise, ctx.now(), nameInFile(p.read.records));
        if (stale) throw new Refusal('conflict', stale, STALE_DRY_RUN);
        throw new Refusal(
          'conflict',
          `「${p.read.fileName}」里没有要写入台账的内容（${p.problems.length ? '有问题的行都没有写入，' : ''}其余各行与台账相同），没有导入。`,
        );
      }
      const job = startJob(ctx, arg.jobId);
      ctx.busy = `正在导入「${p.read.fileName}」`;
      try {
        const { batchId, note } = p.kind === 'roster' ? await commitRosterTask(ctx, p, job) : await commitHere(ctx, p, job, fullList);
        if (committed.size > 1000) committed.clear();
        committed.set(arg.token, batchId);
        dropPrepared(ctx, arg.token);
        // A whole file landed at once: the backup right after it is the one to go back to. It runs
        // after the answer (SQLite's online backup, in steps), so the clerk does not wait for it.
        void backUpQuietly(ctx, 'import');
        return { ...listBatches(ctx.db).find((b) => b.id === batchId)!, ...(note ? { note } : {}) };
      } finally {
        job.finish();
      }
    },
  ),

  // Named as on receipts and in the person's history: 王所长, not the login name.
  'import.columns': reads(
    'clerk',
    z.object({
      kind: z.enum([...IMPORT_KIND_CODES, 'targets'], { error: '导入类型不对。' }),
      file: z.string().min(1, '请选择文件。'),
      /** The row the clerk picked as the header: the columns its words name are filled. */
      headerRow: z.number().int().min(0).max(1_000_000).optional(),
    }),
    async (ctx, arg): Promise<ImportColumns> => {
      sourceFile(ctx, arg.file);
      let rows;
      holdUpload(arg.file);
      try {
        rows = await headRows(arg.file);
      } catch (e) {
        if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'file');
        throw e;
      } finally {
        releaseUpload(arg.file);
      }
      const fields = KIND_FIELDS[arg.kind];
      let guess;
      try {
        guess = guessColumns(rows, fields.required, { words: headerWordsOf(ctx), saved: savedLayouts(ctx.db, arg.kind), headerRow: arg.headerRow });
      } catch (e) {
        // A header row the clerk named that is not among the file's first rows.
        if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'headerRow');
        throw e;
      }
      return {
        rows: rows.slice(0, 15),
        ...guess,
        fields: [...fields.required.map((key) => ({ key, required: true })), ...fields.optional.map((key) => ({ key, required: false }))],
      };
    },
  ),

  'import.batches': reads('clerk', z.object({}).strict(), (ctx) => {
    const shown = displayNames(ctx.db);
    return listBatches(ctx.db).map((b) => ({ ...b, actor: shown(b.actor) }));
  }),

  // Takes back only what is still the batch's: persons changed since refuse the undo, or, when
  // the clerk chooses (keepLater), stay as they are now and are named in the answer.
  'import.undo': writes('clerk', z.object({ batchId: idOf('导入批次'), keepLater: z.boolean().optional() }), (ctx, arg) => {
    const b = listBatches(ctx.db).find((x) => x.id === arg.batchId);
    if (!b) throw new Refusal('not_found', '找不到这个导入批次。');
    if (b.undoneAt) throw new Refusal('conflict', `这个批次已于 ${b.undoneAt.slice(0, 10)} 撤销。`);
    const later = changedSinceBatch(ctx.db, b.id);
    if (later.length && !arg.keepLater) throw new Refusal('conflict', laterChangesMessage(ctx.db, b.id, later, ctx.now()), 'keepLater');
    const keep = new Set(later.map((p) => p.id));
    beginUndo(ctx.db, b.id);
    const all = batchChanges(ctx.db, b.id);
    const changes = keep.size ? all.filter((c) => !keep.has(personOfChange(ctx.db, c) ?? -1)) : all;
    const reason =
      b.kind === 'roster'
        ? undoRoster(ctx.db, changes, ctx.now().toISOString(), { id: b.id, at: b.at }, keep)
        : b.kind === 'categories'
          ? undoCategories(ctx.db, changes, { id: b.id, at: b.at })
          : b.kind === 'situations'
            ? undoSituations(ctx.db, changes, { id: b.id, at: b.at })
            : b.kind === 'insurance'
              ? undoInsurance(ctx.db, changes, { id: b.id, at: b.at })
              : undoPayments(ctx, changes, b.id);
    if (reason) throw new Refusal('conflict', reason);
    const keptLater = later.map((p) => `${p.name}（身份证号 ${p.idNumber.slice(0, 6)}…${p.idNumber.slice(-4)}）`);
    markUndone(ctx.db, b.id, actorOf(ctx), ctx.now().toISOString());
    // What the batch wrote of a kept person still stands: its stamps are no longer the (undone)
    // batch's, so an undo of an earlier batch sees a standing change after it and does not put
    // back what came before; a later batch's undo is not held up by them.
    keepStanding(ctx.db, b.id, keep);
    audit(ctx, { action: 'import.undo', entity: 'import_batch', entityId: b.id, before: b.counts, ...(keptLater.length ? { after: { keptLater } } : {}) });
    return { ...listBatches(ctx.db).find((x) => x.id === b.id)!, keptLater };
  }),
};
