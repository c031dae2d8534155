// The import screen's door: each call is checked here and handed to its kind (imports/kinds/),
// which reads, plans and writes; the dry runs wait in imports/dry-runs.ts until committed.
import crypto from 'node:crypto';
import { z } from 'zod';
import { FIELD_LABELS, type FieldKey, type Mapping } from '../domain/import/fields';
import { IMPORT_KIND_CODES } from '../domain/codes';
import { holdUpload, releaseUpload } from '../files/uploads';
import { checkFullList, newlyKnown } from '../imports/full-list';
import { columnsOf } from '../imports/columns';
import { beginPromise } from '../imports/dry-run-promise';
import { writeDryRunReport } from '../imports/dry-run-report';
import { STALE_DRY_RUN, committedAs, dryRunOf, keepDryRun, landed, whileRunning } from '../imports/dry-runs';
import { IMPORT_KINDS } from '../imports/registry';
import { undoBatch } from '../imports/undo-batch';
import { listBatches } from '../ledger/import-batches';
import { displayNames } from '../ledger/users';
import { backUpQuietly } from '../service/backups';
import { headerWordsOf } from '../service/tables';
import type { ImportColumns, ImportPreview } from './contract';
import { coverageYear, department, idOf, isoDate, personCategory } from './fields';
import { startJob } from './jobs';
import { Refusal, reads, sourceFile, task, writes } from './handler';

const FIELD_KEYS = Object.keys(FIELD_LABELS) as [FieldKey, ...FieldKey[]];
const mappingInput = z.partialRecord(z.enum(FIELD_KEYS), z.number().int().min(0).max(500));
const headerRow = z.number({ error: '表头所在的行应是数字。' }).int().min(0).max(1000, '表头应在文件开头的几十行里。');

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
      // Held while it is read, and after by the dry run it makes, until it is dropped.
      holdUpload(arg.file);
      let kept;
      try {
        kept = await whileRunning(ctx, async () => {
          // Taken before anything is read: whatever changes after it shows at the commit.
          const mark = beginPromise(ctx.db);
          // The county's tables are checked before the file is read: a broken one refuses, naming its fault.
          const input = { file: arg.file, words: headerWordsOf(ctx), mapping: arg.mapping, headerRow: arg.headerRow, options: arg.options ?? {}, token, mark };
          return { dryRun: await IMPORT_KINDS[arg.kind].dryRun(ctx, input, job), mark };
        });
      } catch (e) {
        releaseUpload(arg.file);
        throw e;
      } finally {
        job.finish();
      }
      keepDryRun(ctx, token, kept);
      const d = kept.dryRun;
      return {
        token,
        ...d.findings(ctx),
        fileName: d.read.fileName,
        headers: d.read.headers,
        mapping: d.read.mapping,
        headerRow: d.read.headerRow,
        // Which mapping was used, and a saved layout set aside: said beside the mapping on screen.
        ...d.read.layout,
        rows: d.read.rows,
        problems: d.problems.slice(0, 500),
        writable: d.writable(),
        years: d.years,
      };
    },
  ),

  'import.report': reads('clerk', z.object({ token: z.string() }), (ctx, arg) => {
    return writeDryRunReport(ctx, dryRunOf(ctx, arg.token));
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
      const already = committedAs(ctx, arg.token);
      if (already !== undefined) {
        const b = listBatches(ctx.db).find((x) => x.id === already);
        throw new Refusal(
          'conflict',
          b?.undoneAt
            ? `这次导入已写入台账（第 ${already} 批），后来已撤销；没有再写一次。`
            : `这次导入已经写入台账（第 ${already} 批，「${b?.fileName ?? ''}」），没有再写一次。`,
        );
      }
      const d = dryRunOf(ctx, arg.token);
      const fullList = [...new Set(arg.fullList ?? [])];
      if (fullList.length) {
        if (!IMPORT_KINDS[d.kind].fullList) throw new Refusal('invalid_input', '只有缴费记录和医保参保名单可以确认为全部名单。', 'fullList');
        checkFullList(d.years, fullList);
      }
      // A full list confirmed for a year not yet known is written by itself.
      if (!d.writable() && !newlyKnown(ctx, fullList).length) {
        // Nothing to write was the dry run's finding: if the ledger changed under it, that comes first.
        const stale = d.stale(ctx);
        if (stale) throw new Refusal('conflict', stale, STALE_DRY_RUN);
        throw new Refusal(
          'conflict',
          `「${d.read.fileName}」里没有要写入台账的内容（${d.problems.length ? '有问题的行都没有写入，' : ''}其余各行与台账相同），没有导入。`,
        );
      }
      const job = startJob(ctx, arg.jobId);
      ctx.busy = `正在导入「${d.read.fileName}」`;
      try {
        const { batchId, note } = await d.commit(ctx, job, fullList);
        landed(ctx, arg.token, batchId);
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
    (ctx, arg): Promise<ImportColumns> => {
      sourceFile(ctx, arg.file);
      return columnsOf(ctx, arg.kind, arg.file, arg.headerRow);
    },
  ),

  'import.batches': reads('clerk', z.object({}).strict(), (ctx) => {
    const shown = displayNames(ctx.db);
    return listBatches(ctx.db).map((b) => ({ ...b, actor: shown(b.actor) }));
  }),

  // Takes back only what is still the batch's: persons changed since refuse the undo, or, when
  // the clerk chooses (keepLater), stay as they are now and are named in the answer.
  'import.undo': writes('clerk', z.object({ batchId: idOf('导入批次'), keepLater: z.boolean().optional() }), (ctx, arg) => {
    return undoBatch(ctx, arg.batchId, arg.keepLater === true);
  }),
};
