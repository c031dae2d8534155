// Roster files as offices receive them: 12 columns, saved by a spreadsheet program (shared
// strings, as Excel saves), with Chinese names and valid ID numbers.
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { addDays } from '../src-main/domain/dates';
import { checkCharacter } from '../src-main/domain/idnumber';
import { rng } from './synthetic';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国文辉力成春梅林云飞鹏波斌宇浩'];
export const ROSTER_HEADERS = ['序号', '乡镇', '村（社区）', '户号', '姓名', '性别', '公民身份号码', '与户主关系', '联系电话', '民族', '住址', '备注'];

export function seedVillages(db: Database): void {
  const add = db.prepare("INSERT OR IGNORE INTO villages (code, name, created_on) VALUES (?, ?, '2023-01-01')");
  for (let v = 1; v <= 30; v++) add.run(String(v).padStart(3, '0'), `第${v}村`);
}

export function* rosterRows(n: number, seed = 3): Generator<(string | number)[]> {
  const r = rng(seed);
  let household = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (left === 0) {
      household++;
      left = 1 + Math.floor(r() * 5);
    }
    left--;
    // (birth day, sequence) never repeats: 7919 is coprime with 33000, so the days permute.
    const birth = addDays('1930-01-01', (Math.floor(i / 1000) * 7919) % 33000);
    const first17 = `500235${birth.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    const id = first17 + checkCharacter(first17);
    yield [
      i + 1,
      '农坝镇',
      `第${1 + (household % 30)}村`,
      String(household).padStart(7, '0'),
      SURNAMES[Math.floor(r() * SURNAMES.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]!,
      Number(first17[16]) % 2 ? '男' : '女',
      id,
      left === 0 && household % 2 ? '户主' : '子女',
      r() < 0.5 ? `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : '',
      '汉族',
      `农坝镇${1 + (household % 30)}组`,
      '',
    ];
  }
}

export async function writeRosterXlsx(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(ROSTER_HEADERS).commit();
  for (const row of rosterRows(n)) ws.addRow(row).commit();
  await wb.commit();
}

/**
 * exceljs's own streaming write of the not-enrolled list's shape, the baseline for exports:
 * plain, or with the same column styles (宋体, borders, text format) our list carries.
 */
export async function writeBareRows(file: string, n: number, styled = false): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: styled });
  const ws = wb.addWorksheet('s');
  if (styled) {
    const thin = { style: 'thin' as const };
    ws.columns = [8, 14, 10, 10, 22, 14, 32, 24].map((width, i) => ({
      width,
      style: {
        font: { name: '宋体', size: 11 },
        border: { top: thin, left: thin, bottom: thin, right: thin },
        ...([2, 4, 5].includes(i) ? { numFmt: '@' } : {}),
      },
    }));
  }
  let i = 0;
  for (const row of rosterRows(n)) {
    ws.addRow([row[0], row[2], row[3], row[4], row[6], row[8], '', '']).commit();
    i++;
  }
  await wb.commit();
  return i;
}
