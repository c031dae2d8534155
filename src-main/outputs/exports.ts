// The county's attachments (seed 001, 附件1–5) and the office's own lists, as .xlsx.
import type { Database } from 'better-sqlite3';
import { NOT_ENROLLED_ANSWERS, NOT_ENROLLED_REASONS, PERSON_CATEGORIES, TIER_LABELS, type PersonCategory } from '../domain/codes';
import { formatYuan2 } from '../domain/money';
import type { Policy } from '../domain/policy/schema';
import { listScope } from '../domain/policy/scope';
import { categoryLabel, departmentLabel } from '../domain/policy/compile';
import { categoryOrder } from '../domain/policy/table';
import { subsidisedEnrollments, zeroDeclarations } from '../ledger/enrollments';
import { getOffice, listVillages, officeTitle } from '../ledger/office';
import { notEnrolledInVillage, paymentsByDay } from '../ledger/reports';
import { yielder } from '../excel/tick';
import { notEnrolledReason } from '../ledger/not-enrolled-reasons';
import { SheetWriter } from '../excel/sheet-writer';
import { writeForm } from '../excel/form-writer';
import { attachmentForm } from '../ledger/forms';

import type { ExportKind } from '../types/imports';
import type { EndingCategory } from '../types/season';

export type { ExportKind };

export const EXPORT_TITLES: Record<ExportKind, string> = {
  fujian1: '城乡居民基本医疗保险筹资对照表',
  fujian2: '城乡居民基本医疗保险参保目标任务分解表',
  fujian3: '城乡居民基本医疗保险筹资进度表',
  fujian4: '县外参加基本医疗保险情况明细表',
  fujian5: '参加基本医疗保险情况汇总表',
  notEnrolled: '未参保人员名单',
  insuredLastYearNotEnrolled: '去年参保、今年未参保人员名单',
  notInsuredLastYear: '去年未参保、今年未参保人员名单',
  unknownLastYear: '去年情况不明、今年未参保人员名单',
  endingCategories: '资助身份到期人员名单',
  zeroDeclarations: '零申报人员名单',
  subsidyLedger: '资助台账',
  payments: '缴费日报（按日期和缴费方式）',
  taxSubsidized: '代缴明细（税务格式）',
  taxZeroDeclarations: '零申报明细（税务代缴格式）',
};

/** The same worklist, narrowed by last year: one layout, so a village's answers import back alike. */
const LAST_YEAR = { notEnrolled: undefined, insuredLastYearNotEnrolled: 'insured', notInsuredLastYear: 'not_insured', unknownLastYear: 'unknown' } as const;

const ATTACHMENT_NO: Partial<Record<ExportKind, number>> = { fujian1: 1, fujian2: 2, fujian3: 3, fujian4: 4, fujian5: 5 };

/** 农坝镇-附件1-2024年度城乡居民基本医疗保险筹资对照表-2023-11-22 (the lists without 附件N; a village's list names it). */
export function exportFileName(
  kind: ExportKind,
  o: { township: string; coverageYear: number; today: string; village?: string | undefined; policy?: Policy | undefined },
): string {
  // 瑞州's own task table stands where 附件2 would: named as itself, without a 附件 number.
  if (kind === 'fujian2' && o.policy?.targetsForm?.layout === 'guidance')
    return [o.township, `${o.coverageYear}年度城乡居民医保参保指导性任务表`, o.today].filter(Boolean).join('-');
  const n = ATTACHMENT_NO[kind];
  const what = EXPORT_TITLES[kind].replace(/（.*）$/, '');
  return [o.township, o.village, n ? `附件${n}` : '', `${o.coverageYear}年度${what}`, o.today].filter(Boolean).join('-');
}

export interface ExportArgs {
  db: Database;
  policy: Policy | undefined;
  coverageYear: number;
  villageId?: number;
  file: string;
  /** 税务's 代缴类别 for a code (resources/aliases), where the table has one. */
  taxWord?: (code: PersonCategory) => string | null;
  /** The desk's day, for the papers that carry the date they were made and the certifications in force. */
  today: string;
  /** endingCategories: the certifications ending before the season's window closes (api/season.ts). */
  ending?: EndingCategory[];
}

export async function writeExport(kind: ExportKind, a: ExportArgs): Promise<number> {
  const tick = yielder(1000);
  const office = getOffice(a.db);
  const place = office.townshipName || '';
  const title = (what: string) => `${place}${a.coverageYear}年度${what}`;
  const villages = listVillages(a.db, false);

  switch (kind) {
    case 'fujian1':
    case 'fujian2':
    case 'fujian3':
    case 'fujian4':
    case 'fujian5':
      return writeForm(a.file, attachmentForm(a.db, kind, a));
    case 'notEnrolled':
    case 'insuredLastYearNotEnrolled':
    case 'notInsuredLastYear':
    case 'unknownLastYear': {
      const village = a.villageId ? villages.find((v) => v.id === a.villageId) : undefined;
      const lastYear = LAST_YEAR[kind];
      const w = new SheetWriter(a.file, {
        title: `${place}${village?.name ?? ''}${a.coverageYear}年度${EXPORT_TITLES[kind]}`,
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
        leftColumns: [6, 7],
        // Villages fill the reason in and send the list back; it is re-imported as is.
        dropdown: { column: 6, options: [...NOT_ENROLLED_ANSWERS] },
        landscape: true,
      });
      let i = 0;
      // Village by village, yielding as it goes: the app stays responsive and the writer's
      // stream drains instead of buffering a million rows.
      for (const v of village ? [village] : villages) {
        for (const p of notEnrolledInVillage(a.db, a.coverageYear, listScope(a.policy, a.today), v.id, lastYear)) {
          // What a village answered last time shows again, so the list goes back and forth.
          const said = notEnrolledReason(a.db, p.id, a.coverageYear);
          w.add([++i, p.villageName, p.householdNumber, p.name, p.idNumber, p.phone, said ? NOT_ENROLLED_REASONS[said.reason] : '', said?.note ?? '']);
          await tick();
        }
      }
      await w.finish();
      return w.rows;
    }
    case 'endingCategories': {
      // For the departments' next lists: by department, then village and household.
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES.endingCategories),
        headers: [
          { text: '序号' },
          { text: '认定部门' },
          { text: '资助类别' },
          { text: '村（社区）' },
          { text: '户号' },
          { text: '姓名' },
          { text: '身份证号' },
          { text: '有效期至' },
        ],
        widths: [6, 16, 24, 12, 10, 10, 21, 12],
        textColumns: [4, 6],
        dateColumns: [7],
      });
      let i = 0;
      for (const r of a.ending ?? []) {
        w.add([
          ++i,
          r.departmentLabel,
          a.policy ? categoryLabel(a.policy, r.code as PersonCategory) : PERSON_CATEGORIES[r.code as PersonCategory],
          r.villageName,
          r.householdNumber,
          r.name,
          r.idNumber,
          r.validTo,
        ]);
        await tick();
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
        widths: [6, 12, 10, 21, 40, 18, 7, 13, 13, 13],
        textColumns: [3, ...(zero ? [] : [9])],
        dateColumns: zero ? [9] : [],
        moneyColumns: [7, 8],
        leftColumns: [4],
        landscape: true,
      });
      const rows = zero ? zeroDeclarations(a.db, a.coverageYear) : subsidisedEnrollments(a.db, a.coverageYear, 'village');
      // 附件1's order: department by department as the notice lists them, then category.
      const order = a.policy ? categoryOrder(a.policy) : [];
      const rank = (c: string | null) => (c === null ? Infinity : order.indexOf(c) === -1 ? order.length : order.indexOf(c));
      rows.sort((x, y) => rank(x.category) - rank(y.category));
      const deptOf = (e: (typeof rows)[number]) => (e.department ? (a.policy ? departmentLabel(a.policy, e.department) : e.department) : '');
      let i = 0;
      const sum = { n: 0, subsidy: 0, personal: 0 };
      let group = { dept: '', n: 0, subsidy: 0, personal: 0 };
      const subtotal = () => {
        if (group.n)
          w.add(['', `小计（${group.n} 人）`, '', '', '', group.dept, '', Number(formatYuan2(group.subsidy)), Number(formatYuan2(group.personal)), ''], {
            from: 1,
            to: 3,
          });
      };
      for (const e of rows) {
        const dept = deptOf(e);
        if (dept !== group.dept) {
          subtotal();
          group = { dept, n: 0, subsidy: 0, personal: 0 };
        }
        const label = e.category ? categoryLabel(a.policy, e.category) : '';
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
        group.n++;
        group.subsidy += e.subsidyFen;
        group.personal += e.personalFen;
        sum.n++;
        sum.subsidy += e.subsidyFen;
        sum.personal += e.personalFen;
        await tick();
      }
      subtotal();
      w.add(['', `合计（${sum.n} 人）`, '', '', '', '', '', Number(formatYuan2(sum.subsidy)), Number(formatYuan2(sum.personal)), ''], { from: 1, to: 3 });
      await w.finish();
      return i;
    }
    case 'taxSubsidized':
    case 'taxZeroDeclarations': {
      // The layout 税务 sends (代缴明细): the office sends back the same shape, and reads it back the same way.
      const zero = kind === 'taxZeroDeclarations';
      const w = new SheetWriter(a.file, {
        title: title(EXPORT_TITLES[kind].replace(/（.*）$/, '')),
        subtitle: `单位：${officeTitle(office)}                    导出日期：${a.today ?? ''}`,
        headers: ['序号', '街道乡镇', '姓名', '身份证件类型', '身份证件号码', '人员编号', '代缴类别', '代缴金额', '个人缴费日期'].map((text) => ({ text })),
        widths: [6, 14, 10, 14, 22, 14, 36, 13, 14],
        textColumns: [4, 5, 8],
        moneyColumns: [7],
        leftColumns: [6],
        landscape: true,
      });
      const rows = zero ? zeroDeclarations(a.db, a.coverageYear) : subsidisedEnrollments(a.db, a.coverageYear, 'village');
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
        dateColumns: [0],
        moneyColumns: [3],
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
