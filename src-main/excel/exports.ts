// The county's attachments (seed 001, 附件1–5) and the office's own lists, as .xlsx.
import { formatRate, rateBp } from '../domain/progress';
import type { Database } from 'better-sqlite3';
import { NOT_ENROLLED_REASONS, OUT_OF_COUNTY, OUT_OF_SCOPE, TIER_LABELS, type NotEnrolledReason, type OutOfCounty, type PersonCategory } from '../domain/codes';
import { formatYuan, formatYuan2 } from '../domain/money';
import type { Policy } from '../domain/policy/schema';
import { categoryLabel, departmentLabel } from '../domain/policy/compile';
import { subsidyTable } from '../domain/policy/table';
import { listEnrollments } from '../ledger/enrollments';
import { getOffice, listVillages, officeTitle } from '../ledger/office';
import { enrolledByVillage, fujian5, notEnrolledInVillage, paymentsByDay, targets } from '../ledger/reports';
import { yielder } from './tick';
import { sql } from '../ledger/statements';
import { SheetWriter } from './sheet-writer';

import type { ExportKind } from '../types/imports';

export type { ExportKind };

export const EXPORT_TITLES: Record<ExportKind, string> = {
  fujian1: '城乡居民基本医疗保险筹资对照表',
  fujian2: '城乡居民基本医疗保险参保目标任务分解表',
  fujian3: '城乡居民基本医疗保险筹资进度表',
  fujian4: '县外参加基本医疗保险情况明细表',
  fujian5: '参加基本医疗保险情况汇总表',
  notEnrolled: '未参保人员名单',
  zeroDeclarations: '零申报人员名单',
  subsidyLedger: '资助台账',
  payments: '缴费日报（按日期和缴费方式）',
  taxSubsidized: '代缴明细（税务格式）',
  taxZeroDeclarations: '零申报明细（税务代缴格式）',
};

export interface ExportArgs {
  db: Database;
  policy: Policy | undefined;
  coverageYear: number;
  villageId?: number;
  file: string;
  /** 税务's 代缴类别 for a code (resources/aliases), where the table has one. */
  taxWord?: (code: PersonCategory) => string | null;
  /** The desk's day, for the papers that carry the date they were made. */
  today?: string;
}

const rate = (enrolled: number, target: number) => formatRate(rateBp(enrolled, target));

export async function writeExport(kind: ExportKind, a: ExportArgs): Promise<number> {
  const tick = yielder(1000);
  const office = getOffice(a.db);
  const place = office.townshipName || '';
  const title = (what: string) => `${place}${a.coverageYear}年度${what}`;
  const villages = listVillages(a.db, false);

  switch (kind) {
    case 'fujian1': {
      if (!a.policy) throw new Error('还没有选择本年度适用的政策。');
      const t = subsidyTable(a.policy);
      const w = new SheetWriter(a.file, {
        title: a.policy.table?.title ?? title(EXPORT_TITLES.fujian1),
        headers: [{ text: '资助部门' }, { text: '特殊人员类别' }, { text: '参保档次' }, { text: '资助标准', children: ['金额(元)'] }, { text: '自筹金额(元)' }],
        widths: [22, 36, 10, 14, 14],
      });
      for (const r of t.rows) w.add([r.department, r.category, TIER_LABELS[r.tier], Number(formatYuan(r.subsidyFen)), Number(formatYuan(r.personalFen))]);
      await w.finish();
      return w.rows;
    }
    case 'fujian2':
    case 'fujian3': {
      const tg = targets(a.db, a.coverageYear);
      const en = enrolledByVillage(a.db, a.coverageYear);
      const w =
        kind === 'fujian2'
          ? new SheetWriter(a.file, {
              title: title(EXPORT_TITLES.fujian2),
              headers: [{ text: '村（社区）名称' }, { text: `${a.coverageYear}年参保目标任务数` }],
              widths: [24, 24],
            })
          : new SheetWriter(a.file, {
              title: title(EXPORT_TITLES.fujian3),
              headers: [{ text: '村（社区）名称' }, { text: '应参保人数' }, { text: '实际参保人数' }, { text: '完成率（100%）' }],
              widths: [24, 14, 14, 16],
            });
      let tSum = 0;
      let eSum = 0;
      for (const v of villages) {
        const target = tg.get(v.id) ?? 0;
        const enrolled = en.get(v.id) ?? 0;
        tSum += target;
        eSum += enrolled;
        w.add(kind === 'fujian2' ? [v.name, target] : [v.name, target, enrolled, rate(enrolled, target)]);
      }
      w.add(kind === 'fujian2' ? ['合计', tSum] : ['合计', tSum, eSum, rate(eSum, tSum)]);
      await w.finish();
      return w.rows;
    }
    case 'fujian4': {
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES.fujian4),
        subtitle: `填报单位：${place}                          年        月     日`,
        headers: [
          { text: '序号' },
          { text: '乡镇' },
          { text: '村' },
          { text: '姓名' },
          { text: '身份证号' },
          { text: '联系电话' },
          { text: '县外参保情况（下拉框选择）' },
          { text: '现参保地（职工医保填写到单位，居民医保填写到街道，大学生填写大学名称）' },
        ],
        widths: [6, 12, 14, 10, 22, 14, 30, 40],
        textColumns: [4, 5],
        dropdown: { column: 6, options: Object.values(OUT_OF_COUNTY) },
        landscape: true,
        blankRows: 20,
      });
      const rows = sql(
        a.db,
        `SELECT v.name AS village, p.name, p.id_number, p.phone, p.out_of_county, p.out_of_county_place FROM persons p JOIN villages v ON v.id = p.village_id
         WHERE p.out_of_county IS NOT NULL AND p.status = 'active' ${a.villageId ? 'AND p.village_id = ?' : ''} ORDER BY v.code, p.name`,
      ).iterate(...(a.villageId ? [a.villageId] : [])) as IterableIterator<{
        village: string;
        name: string;
        id_number: string;
        phone: string;
        out_of_county: OutOfCounty;
        out_of_county_place: string;
      }>;
      let i = 0;
      for (const r of rows) w.add([++i, place, r.village, r.name, r.id_number, r.phone, OUT_OF_COUNTY[r.out_of_county], r.out_of_county_place]);
      await w.finish();
      return w.rows;
    }
    case 'fujian5': {
      const kinds = Object.keys(OUT_OF_COUNTY) as OutOfCounty[];
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES.fujian5),
        headers: [
          { text: '村（社区）' },
          { text: `${a.coverageYear - 1}年户籍人数` },
          { text: '不在参保范围内人数', children: ['空挂户', '死亡', '出国', '合计'] },
          { text: '县外参加基本医疗保险人数', children: [...kinds.map((k) => OUT_OF_COUNTY[k]), '合计'] },
        ],
        widths: [16, 12, 8, 8, 8, 8, 16, 14, 16, 14, 8, 8, 8],
        landscape: true,
      });
      for (const r of fujian5(a.db)) {
        w.add([
          r.villageName,
          r.population,
          r.notInScope.empty_registration,
          r.notInScope.deceased,
          r.notInScope.abroad,
          r.notInScope.total,
          ...kinds.map((k) => r.outOfCounty[k]),
          r.outOfCounty.total,
        ]);
      }
      await w.finish();
      return w.rows;
    }
    case 'notEnrolled': {
      const village = a.villageId ? villages.find((v) => v.id === a.villageId) : undefined;
      const w = new SheetWriter(a.file, {
        title: `${place}${village?.name ?? ''}${a.coverageYear}年度${EXPORT_TITLES.notEnrolled}`,
        headers: [
          { text: '序号' },
          { text: '村（社区）' },
          { text: '户号' },
          { text: '姓名' },
          { text: '身份证号' },
          { text: '联系电话' },
          { text: '未参保原因（下拉框选择）' },
          { text: '现参保地' },
        ],
        widths: [8, 14, 10, 10, 22, 14, 32, 24],
        textColumns: [2, 4, 5],
        // Villages fill the reason in and send the list back; it is re-imported as is.
        dropdown: { column: 6, options: [...Object.values(OUT_OF_COUNTY), ...Object.values(OUT_OF_SCOPE), ...Object.values(NOT_ENROLLED_REASONS)] },
        landscape: true,
      });
      let i = 0;
      // What a village answered last time shows again, so the list goes back and forth.
      const answered = sql(a.db, 'SELECT reason, note FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?');
      // Village by village, yielding as it goes: the app stays responsive and the writer's
      // stream drains instead of buffering a million rows.
      for (const v of village ? [village] : villages) {
        for (const p of notEnrolledInVillage(a.db, a.coverageYear, v.id)) {
          const said = answered.get(p.id, a.coverageYear) as { reason: NotEnrolledReason; note: string } | undefined;
          w.add([++i, p.villageName, p.householdNumber, p.name, p.idNumber, p.phone, said ? NOT_ENROLLED_REASONS[said.reason] : '', said?.note ?? '']);
          await tick();
        }
      }
      await w.finish();
      return w.rows;
    }
    case 'zeroDeclarations':
    case 'subsidyLedger': {
      const zero = kind === 'zeroDeclarations';
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES[kind]),
        headers: [
          { text: '序号' },
          { text: '村（社区）' },
          { text: '姓名' },
          { text: '身份证号' },
          { text: '资助类别' },
          { text: '认定部门' },
          { text: '档次' },
          { text: '资助金额(元)' },
          { text: '个人缴费(元)' },
          { text: zero ? '零申报日期' : '收据号' },
        ],
        widths: [6, 14, 10, 22, 24, 16, 8, 12, 12, 14],
        textColumns: [3, 9],
        landscape: true,
      });
      const rows = listEnrollments(
        a.db,
        `e.coverage_year = ? AND e.status = 'active' AND ${zero ? 'e.zero_declaration = 1' : 'e.subsidy_fen > 0'} ORDER BY e.department, v.code, p.name`,
        a.coverageYear,
      );
      let i = 0;
      for (const e of rows) {
        const label = e.category ? categoryLabel(a.policy, e.category) : '';
        const dept = e.department ? (a.policy ? departmentLabel(a.policy, e.department) : e.department) : '';
        w.add([
          ++i,
          e.villageName,
          e.personName,
          e.idNumber,
          label,
          dept,
          e.tier ? TIER_LABELS[e.tier] : '',
          Number(formatYuan2(e.subsidyFen)),
          Number(formatYuan2(e.personalFen)),
          zero ? (e.declaredOn ?? '') : e.receiptNo,
        ]);
      }
      await w.finish();
      return w.rows;
    }
    case 'taxSubsidized':
    case 'taxZeroDeclarations': {
      // The layout 税务 sends (代缴明细): the office sends back the same shape, and reads it back the same way.
      const zero = kind === 'taxZeroDeclarations';
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES[kind].replace(/（.*）$/, '')),
        subtitle: `单位：${officeTitle(office)}                    导出日期：${a.today ?? ''}`,
        headers: ['序号', '街道乡镇', '姓名', '身份证件类型', '身份证件号码', '人员编号', '代缴类别', '代缴金额', '个人缴费日期'].map((text) => ({ text })),
        widths: [6, 14, 10, 14, 22, 14, 36, 12, 14],
        textColumns: [4, 5, 8],
        landscape: true,
      });
      const rows = listEnrollments(
        a.db,
        `e.coverage_year = ? AND e.status = 'active' AND ${zero ? 'e.zero_declaration = 1' : 'e.subsidy_fen > 0'} ORDER BY v.code, p.name`,
        a.coverageYear,
      );
      let i = 0;
      for (const e of rows) {
        const word = e.category ? (a.taxWord?.(e.category) ?? categoryLabel(a.policy, e.category)) : '';
        w.add([++i, place, e.personName, '居民身份证', e.idNumber, '', word, Number(formatYuan2(e.subsidyFen)), e.paidOn]);
        await tick();
      }
      await w.finish();
      return w.rows;
    }
    case 'payments': {
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES.payments),
        headers: [{ text: '缴费日期' }, { text: '缴费方式' }, { text: '人数' }, { text: '个人缴费合计(元)' }],
        widths: [14, 16, 10, 18],
      });
      let n = 0;
      let sum = 0;
      for (const p of paymentsByDay(a.db, a.coverageYear)) {
        n += p.count;
        sum += p.personalFen;
        w.add([p.paidOn, p.channel, p.count, Number(formatYuan2(p.personalFen))]);
      }
      w.add(['合计', '', n, Number(formatYuan2(sum))]);
      await w.finish();
      return w.rows;
    }
  }
}
