// 批量参保登记表 for the 医保 platform (docs/rules.md "New persons for the platform"): a village's
// persons the platform does not know yet, in the layout offices keep for 批量新参保 (title on
// row 1, header on row 2, 公民身份号码 as text), with 户号 and 与户主关系 after the platform's columns
// so the same sheet reads back as a roster.
import { SheetWriter } from '../excel/sheet-writer';
import type { DueForRegistration } from '../ledger/platform-persons';
import type { Village } from '../types/office';

export const REGISTRATION_HEADERS = [
  '序号',
  '证件类型',
  '公民身份号码',
  '姓名',
  '性别',
  '民族',
  '出生日期',
  '户口性质',
  '户籍地址',
  '联系电话',
  '单位编号',
  '单位名称',
  '户号',
  '与户主关系',
] as const;

export async function writeRegistration(file: string, o: { township: string; village: Village; persons: readonly DueForRegistration[] }): Promise<number> {
  const w = new SheetWriter(file, {
    title: `${o.township}${o.village.name}城乡居民基本医疗保险批量参保登记表`,
    headers: REGISTRATION_HEADERS.map((text) => ({ text })),
    widths: [6, 12, 22, 10, 6, 8, 12, 10, 30, 14, 14, 14, 10, 10],
    // The ID number, the dates, the phone and the codes stay text: the platform reads them as typed.
    textColumns: [2, 6, 9, 10, 12],
    leftColumns: [8],
    landscape: true,
  });
  let i = 0;
  for (const p of o.persons) {
    // 民族 and 户口性质: the roster does not hold them; left for the clerk where the platform requires them.
    w.add([
      ++i,
      '居民身份证（户口簿）',
      p.idNumber,
      p.name,
      p.sex === 'male' ? '男' : '女',
      '',
      p.birthDate,
      '',
      p.address,
      p.phone,
      o.village.unitCode,
      o.village.name,
      p.householdNumber,
      p.relation,
    ]);
  }
  await w.finish();
  return w.rows;
}
