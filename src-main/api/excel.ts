import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { chinaDate } from '../domain/dates';
import { FIELD_LABELS, type FieldKey, type Mapping } from '../domain/import/fields';
import { parseRosterRow, type RosterRecord } from '../domain/import/rows';
import { batchChanges, closeBatch, listBatches, markUndone, openBatch } from '../excel/batches';
import { commitRoster, planRoster, undoRoster, type RosterPlan } from '../excel/import-roster';
import { readForImport, type ReadResult } from '../excel/importing';
import { TableReadError } from '../excel/table';
import { sql } from '../ledger/statements';
import type { ImportBatch, ImportPreview } from './contract';
import { coverageYear, idOf } from './fields';
import { EXPORT_TITLES, writeExport } from '../excel/exports';
import { officePolicy } from '../ledger/enrollments';
import type { Context } from './handler';
import { Refusal, actorOf, audit, loginRequired, reads, writes } from './handler';

interface Prepared {
  kind: 'roster';
  file: string;
  read: ReadResult<RosterRecord>;
  plan: RosterPlan;
}

// Between the dry run and the commit, the checked rows wait here (one office, one clerk).
const prepared = new WeakMap<Context, Map<string, Prepared>>();
const preparedOf = (ctx: Context) => {
  let m = prepared.get(ctx);
  if (!m) prepared.set(ctx, (m = new Map()));
  return m;
};

function mustGetPrepared(ctx: Context, token: string): Prepared {
  const p = preparedOf(ctx).get(token);
  if (!p) throw new Refusal('not_found', '这次导入的检查结果已失效（可能已导入或程序重启过），请重新选择文件。');
  return p;
}

const FIELD_KEYS = Object.keys(FIELD_LABELS) as [FieldKey, ...FieldKey[]];
const mappingInput = z.partialRecord(z.enum(FIELD_KEYS), z.number().int().min(0).max(500));

function rememberedMapping(ctx: Context, kind: string) {
  return (signature: string, guessed: Mapping): Mapping => {
    const saved = sql(ctx.db, 'SELECT mapping_json FROM import_layouts WHERE signature = ? AND kind = ?').pluck().get(signature, kind) as string | undefined;
    return saved ? (JSON.parse(saved) as Mapping) : guessed;
  };
}

const toBatch = (b: ReturnType<typeof listBatches>[number]): ImportBatch => b;

export const excelHandlers = {
  'import.preview': reads(
    z.object({ kind: z.enum(['roster'], { error: '导入类型不对。' }), file: z.string().min(1, '请选择文件。'), mapping: mappingInput.optional() }),
    async (ctx, arg): Promise<ImportPreview> => {
      if (loginRequired(ctx)) throw new Refusal('forbidden', '请先登录。');
      const today = chinaDate(ctx.now());
      let read: ReadResult<RosterRecord>;
      try {
        read = await readForImport(arg.file, {
          required: ['idNumber', 'name', 'village', 'householdNumber'],
          parse: (cells, mapping, row) => parseRosterRow(cells, mapping, row, today),
          mapping: arg.mapping ? () => arg.mapping as Mapping : rememberedMapping(ctx, arg.kind),
        });
      } catch (e) {
        if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'file');
        throw e;
      }
      const plan = planRoster(ctx.db, read.records);
      const problems = [...read.problems, ...plan.problems].sort((a, b) => a.row - b.row);
      plan.problems = problems;
      const token = crypto.randomBytes(12).toString('hex');
      preparedOf(ctx).set(token, { kind: 'roster', file: arg.file, read, plan });
      return {
        token,
        kind: arg.kind,
        fileName: read.fileName,
        headers: read.headers,
        mapping: read.mapping,
        rows: read.rows,
        counts: { add: plan.adds.length, update: plan.updates.length, unchanged: plan.unchanged, problems: problems.length },
        problems: problems.slice(0, 500),
      };
    },
  ),

  'import.report': reads(z.object({ token: z.string(), file: z.string().min(1, '请选择保存位置。') }), async (ctx, arg) => {
    const p = mustGetPrepared(ctx, arg.token);
    const byRow = new Map<number, string[]>();
    for (const pr of p.plan.problems) byRow.set(pr.row, [...(byRow.get(pr.row) ?? []), pr.message]);
    // Re-read the original cells of the rows with problems, so the report shows them as they were.
    const cellsOf = new Map<number, string[]>();
    const { readTable } = await import('../excel/table');
    await readTable(p.file, (cells, row) => {
      if (byRow.has(row)) cellsOf.set(row, cells);
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: arg.file, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('问题行');
    ws.columns = [{ header: '行号', width: 8 }, ...p.read.headers.map((h) => ({ header: h || ' ', width: Math.max(10, Math.min(30, h.length * 2 + 4)) })), { header: '问题说明', width: 60 }];
    ws.getRow(1).font = { bold: true, name: '宋体' };
    for (const [row, messages] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
      const cells = cellsOf.get(row) ?? [];
      const r = ws.addRow([row, ...p.read.headers.map((_, i) => cells[i] ?? ''), messages.join('；')]);
      // Keep ID numbers as text so Excel does not turn them into numbers.
      r.eachCell((c) => (c.numFmt = '@'));
      r.commit();
    }
    await wb.commit();
    return { file: arg.file, rows: byRow.size };
  }),

  'import.commit': writes(z.object({ token: z.string() }), (ctx, arg) => {
    const p = mustGetPrepared(ctx, arg.token);
    const at = ctx.now().toISOString();
    const batch = openBatch(ctx.db, { kind: p.kind, fileName: p.read.fileName, fileHash: p.read.fileHash, actor: actorOf(ctx), at });
    const result = commitRoster(ctx.db, p.plan, batch.changes, at);
    const counts = { rows: p.read.rows, ...result, unchanged: p.plan.unchanged, problems: p.plan.problems.length };
    closeBatch(ctx.db, batch.id, counts);
    sql(ctx.db, 'INSERT INTO import_layouts (signature, kind, mapping_json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at').run(
      p.read.signature,
      p.kind,
      JSON.stringify(p.read.mapping),
      at,
    );
    audit(ctx, { action: 'import.commit', entity: 'import_batch', entityId: batch.id, after: { fileName: p.read.fileName, counts } });
    preparedOf(ctx).delete(arg.token);
    return toBatch(listBatches(ctx.db).find((b) => b.id === batch.id)!);
  }),

  'import.batches': reads(z.object({}).strict(), (ctx) => listBatches(ctx.db).map(toBatch)),

  'import.undo': writes(z.object({ batchId: idOf('导入批次') }), (ctx, arg) => {
    const b = listBatches(ctx.db).find((x) => x.id === arg.batchId);
    if (!b) throw new Refusal('not_found', '找不到这个导入批次。');
    if (b.undoneAt) throw new Refusal('conflict', `这个批次已于 ${b.undoneAt.slice(0, 10)} 撤销。`);
    const reason = undoRoster(ctx.db, batchChanges(ctx.db, b.id), ctx.now().toISOString());
    if (reason) throw new Refusal('conflict', reason);
    markUndone(ctx.db, b.id, actorOf(ctx), ctx.now().toISOString());
    audit(ctx, { action: 'import.undo', entity: 'import_batch', entityId: b.id, before: b.counts });
    return toBatch(listBatches(ctx.db).find((x) => x.id === b.id)!);
  }),
};

const exportKind = z.enum(['fujian1', 'fujian2', 'fujian3', 'fujian4', 'fujian5', 'notEnrolled', 'zeroDeclarations', 'subsidyLedger', 'payments'], { error: '导出类型不对。' });

export const exportHandlers = {
  'export.write': reads(
    z.object({ kind: exportKind, coverageYear, villageId: idOf('村/社区').optional(), file: z.string().min(1).optional() }),
    async (ctx, arg) => {
      const id = officePolicy(ctx.db, arg.coverageYear);
      const file = arg.file ?? path.join(ctx.dataDir, 'exports', `${EXPORT_TITLES[arg.kind]}-${arg.coverageYear}-${Date.now()}.xlsx`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      try {
        const rows = await writeExport(arg.kind, { db: ctx.db, policy: id ? ctx.policies.get(id) : undefined, coverageYear: arg.coverageYear, ...(arg.villageId ? { villageId: arg.villageId } : {}), file });
        return { file, rows };
      } catch (e) {
        throw new Refusal('unavailable', `导出没有完成：${e instanceof Error ? e.message : String(e)}`);
      }
    },
  ),
};

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Files sent by the browser host land here under a fresh name; the name keeps its extension. */
export function saveUpload(dataDir: string, name: string, body: Buffer): string {
  const dir = uploadsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const safe = path.basename(name).replace(/[^\p{L}\p{N}._-]/gu, '_').slice(-80) || 'upload';
  const file = path.join(dir, `${Date.now()}-${crypto.randomBytes(4).toString('hex')}-${safe}`);
  fs.writeFileSync(file, body);
  return file;
}
