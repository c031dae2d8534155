// A dry run's problem report for the clerk: written beside the office's other outputs, and
// refused in the clerk's words when the disk or the file gives out, no partial file left.
import fs from 'node:fs';
import { chinaDate } from '../domain/dates';
import { TableReadError } from '../excel/table';
import { outputFile } from '../files/outputs';
import { ioProblem } from '../ledger/space';
import { Refusal, type Context } from '../service/context';
import type { ProblemReport } from '../types/imports';
import type { DryRun } from './kind';
import { writeProblemReport } from './report';

export async function writeDryRunReport(ctx: Context, d: DryRun): Promise<ProblemReport> {
  const file = outputFile(ctx.dataDir, 'reports', `问题报告-${d.read.fileName}-${chinaDate(ctx.now())}`);
  const byRow = new Map<number, string[]>();
  for (const pr of d.reportLines(ctx)) byRow.set(pr.row, [...(byRow.get(pr.row) ?? []), pr.message]);
  try {
    return await writeProblemReport(file, d.file, d.read.headers, byRow);
  } catch (e) {
    // The name was taken for it: no report, no empty file under that name.
    fs.rmSync(file, { force: true });
    const io = ioProblem(e);
    if (io) throw new Refusal('unavailable', `${io}，问题报告没有写完，已删除不完整的文件；台账没有改动。`);
    if (e instanceof TableReadError) throw new Refusal('invalid_input', `重新读取文件时出错：${e.message}`, 'file');
    throw new Refusal('unavailable', `问题报告没有写成：${e instanceof Error ? e.message : String(e)}。已删除不完整的文件；台账没有改动。`);
  }
}
