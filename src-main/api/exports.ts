// The county's attachments and the office's lists, written as .xlsx under the data folder.
import fs from 'node:fs';
import { z } from 'zod';
import { exportFileName, writeExport } from '../outputs/exports';
import { getOffice, getVillage } from '../ledger/office';
import { taxWords } from '../domain/import/category-labels';
import { aliasesOf } from '../service/tables';
import { policyInForce } from '../enrollment/policy';
import { ioProblem } from '../ledger/space';
import { outputFile } from '../files/outputs';
import { coverageYear, idOf } from './fields';
import { endingCategories } from './season';
import { chinaDate } from '../domain/dates';
import { Refusal, reads, writesAfter } from './handler';
import { dueForRegistration, markExported, type DueForRegistration } from '../ledger/platform-persons';
import { writeRegistration } from '../outputs/registration';
import { actorOf, audit } from '../service/context';

const exportKind = z.enum(
  [
    'fujian1',
    'fujian2',
    'fujian3',
    'fujian4',
    'fujian5',
    'notEnrolled',
    'insuredLastYearNotEnrolled',
    'notInsuredLastYear',
    'unknownLastYear',
    'endingCategories',
    'zeroDeclarations',
    'subsidyLedger',
    'payments',
    'taxSubsidized',
    'taxZeroDeclarations',
  ],
  { error: '导出类型不对。' },
);

/** The papers a village's own copy can be made of; the others are the township's whole. */
const BY_VILLAGE = new Set(['fujian4', 'notEnrolled', 'insuredLastYearNotEnrolled', 'notInsuredLastYear', 'unknownLastYear']);
const TAX_KINDS = new Set(['taxSubsidized', 'taxZeroDeclarations']);

/** Writes a workbook whole or leaves none: half a workbook is worse than none, the clerk might send it. */
async function wholeOrNone<T>(file: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    fs.rmSync(file, { force: true });
    const io = ioProblem(e);
    throw new Refusal(
      'unavailable',
      io ? `${io}，导出文件没有写完，已删除不完整的文件；台账没有改动。` : `导出没有完成：${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export const exportHandlers = {
  'export.write': reads('clerk', z.object({ kind: exportKind, coverageYear, villageId: idOf('村/社区').optional() }), async (ctx, arg) => {
    const village = arg.villageId ? getVillage(ctx.db, arg.villageId) : undefined;
    if (arg.villageId && !village) throw new Refusal('not_found', '找不到这个村/社区。', 'villageId');
    const policy = policyInForce(ctx, arg.coverageYear);
    // Only 税务's lists write its 代缴类别 words: the other exports do not wait on the alias table.
    const taxWord = TAX_KINDS.has(arg.kind) ? taxWords(aliasesOf(ctx)) : undefined;
    const file = outputFile(
      ctx.dataDir,
      'exports',
      exportFileName(arg.kind, {
        township: getOffice(ctx.db).townshipName,
        coverageYear: arg.coverageYear,
        today: chinaDate(ctx.now()),
        village: BY_VILLAGE.has(arg.kind) ? village?.name : undefined,
        policy,
      }),
    );
    const rows = await wholeOrNone(file, () =>
      writeExport(arg.kind, {
        db: ctx.db,
        policy,
        coverageYear: arg.coverageYear,
        ...(taxWord ? { taxWord } : {}),
        today: chinaDate(ctx.now()),
        ...(arg.villageId ? { villageId: arg.villageId } : {}),
        ...(arg.kind === 'endingCategories' ? { ending: endingCategories(ctx, arg.coverageYear) } : {}),
        file,
      }),
    );
    return { file, rows };
  }),

  'export.registration': writesAfter(
    'clerk',
    z.object({ villageId: idOf('村/社区') }),
    // The file first, outside the ledger's transaction; then who was in it, as they were read.
    async (ctx, arg): Promise<{ file: string; persons: DueForRegistration[] }> => {
      const village = getVillage(ctx.db, arg.villageId);
      if (!village) throw new Refusal('not_found', '找不到这个村/社区。', 'villageId');
      if (!village.unitCode)
        throw new Refusal('invalid_input', `还没有填写${village.name}在医保平台的单位编号。请管理员在 设置 → 村（社区） 中填写后再导出。`, 'villageId');
      const persons = dueForRegistration(ctx.db, village.id);
      if (!persons.length)
        throw new Refusal('not_found', `${village.name}没有要到医保平台新登记的人员：都已在医保的名单中，或已导出过且之后没有改动。`, 'villageId');
      const today = chinaDate(ctx.now());
      const file = outputFile(ctx.dataDir, 'exports', [getOffice(ctx.db).townshipName, village.name, '批量参保登记', today].filter(Boolean).join('-'));
      await wholeOrNone(file, () => writeRegistration(file, { township: getOffice(ctx.db).townshipName, village, persons }));
      return { file, persons };
    },
    (ctx, arg, { file, persons }) => {
      markExported(ctx.db, persons, actorOf(ctx), ctx.now().toISOString());
      audit(ctx, { action: 'export.registration', entity: 'village', entityId: arg.villageId, after: { file, persons: persons.map((p) => p.id) } });
      return { file, rows: persons.length, again: persons.filter((p) => p.again).length };
    },
  ),
};
