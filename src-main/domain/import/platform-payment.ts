// The 医保 platform's 居民缴费明细 (docs/rules.md "医保's payment details"): what a row is (a
// payment, a reversal, 职工医保 insured elsewhere, or a value nobody listed), what names the
// payment, and whether its parts add up. Pure: the ledger finds the payment a key names.
import { formatYuan } from '../money';
import { normalizeValue, type FieldKey, type ValueWords } from './fields';
import type { PaymentRecord, PlatformColumns } from './rows';

export type RowReading =
  | { as: 'payment' }
  /** 缴费标志 says the money did not come in: no payment, nothing to record. */
  | { as: 'unpaid'; value: string }
  | { as: 'reversal' }
  /** 职工医保's own payment: no 居民 payment, but the person was insured as an employee that year. */
  | { as: 'employee' }
  /** A value headers.yaml lists nowhere, or a reversal of 职工医保: shown, never acted on. */
  | { as: 'unread'; field: FieldKey; value: string; message: string };

const FLAG_LABELS = { reversalFlag: '核销标志', paidFlag: '缴费标志', insuranceType: '险种类型' } as const;

const CANNOT_TELL = { reversalFlag: '是缴费还是冲销', paidFlag: '是否已缴费', insuranceType: '是城乡居民医保还是职工医保' } as const;

function unread(field: keyof typeof FLAG_LABELS, value: string): RowReading {
  return {
    as: 'unread',
    field,
    value,
    message: `${FLAG_LABELS[field]}“${value}”不在表头文字对照表（headers.yaml 的 values）中，看不出这一行${CANNOT_TELL[field]}，没有导入。管理员查明这个值的意思后补进对照表，再导入一次。`,
  };
}

/** What the row is, by its flags as headers.yaml's values read them; a row without the columns is a payment. */
export function readPlatformRow(p: PlatformColumns | null, values: ValueWords): RowReading {
  if (!p) return { as: 'payment' };
  const paid = p.paidFlag ? values.paidFlag.get(normalizeValue(p.paidFlag)) : 'paid';
  if (!paid) return unread('paidFlag', p.paidFlag);
  if (paid === 'unpaid') return { as: 'unpaid', value: p.paidFlag };
  const flag = p.reversalFlag ? values.reversalFlag.get(normalizeValue(p.reversalFlag)) : 'normal';
  if (!flag) return unread('reversalFlag', p.reversalFlag);
  const scheme = p.insuranceType ? values.insuranceType.get(normalizeValue(p.insuranceType)) : 'resident';
  if (!scheme) return unread('insuranceType', p.insuranceType);
  if (scheme === 'employee') {
    if (flag === 'reversal')
      return {
        as: 'unread',
        field: 'insuranceType',
        value: p.insuranceType,
        message: `这是${p.insuranceType}（职工医保）的冲销，不是居民医保的缴费，没有导入。`,
      };
    return { as: 'employee' };
  }
  return { as: flag === 'reversal' ? 'reversal' : 'payment' };
}

/**
 * What names a payment in the ledger: the detail's own id where the file has one, and the
 * 电子税票号码 with the person, the scheme and the year (one 税票 covers a department's many
 * persons). A reversal names its original by 原缴费明细编号, or by the same 税票 key.
 */
export interface PaymentKeys {
  taxKey: string | null;
  detailId: string | null;
}

// A detail id is kept with the person's ID number: an office's 明细编号 may be a row number, the same in two files.
const detailKey = (detailId: string, idNumber: string) => `${detailId}|${idNumber}`;

export function paymentKeys(r: Pick<PaymentRecord, 'idNumber' | 'platform'>, coverageYear: number): PaymentKeys {
  const p = r.platform;
  return {
    taxKey: p?.taxReceiptNo ? [p.taxReceiptNo, r.idNumber, 'resident', coverageYear].join('|') : null,
    detailId: p?.detailId ? detailKey(p.detailId, r.idNumber) : null,
  };
}

/** The payment a reversal row undoes: by its original's detail id where given, or by the same 税票 key. */
export function reversedKeys(r: Pick<PaymentRecord, 'idNumber' | 'platform'>, coverageYear: number): PaymentKeys {
  const p = r.platform;
  return {
    taxKey: paymentKeys(r, coverageYear).taxKey,
    detailId: p?.originalDetailId ? detailKey(p.originalDetailId, r.idNumber) : null,
  };
}

/** The words a payment (or, `reversal`, what a reversal names) is shown and kept with. */
export function keysWords(k: PaymentKeys, reversal = false): string {
  if (k.detailId) return `${reversal ? '原缴费明细编号' : '缴费明细编号'} ${k.detailId.split('|')[0]}`;
  if (k.taxKey) return `电子税票号码 ${k.taxKey.split('|')[0]}`;
  return '没有写明冲销哪一笔（没有电子税票号码或原缴费明细编号）';
}

/** 个人 + 财政补助 + 其他 against 缴费总金额, where the file gives the total: a mismatch is the row's problem. */
export function partsAddUp(r: Pick<PaymentRecord, 'amountFen' | 'subsidyFen' | 'platform'>): string | null {
  const total = r.platform?.totalFen ?? null;
  if (total === null) return null;
  const parts = [r.amountFen, r.platform?.fiscalFen ?? null, r.subsidyFen];
  const sum = parts.reduce<number>((s, x) => s + (x ?? 0), 0);
  if (sum === total) return null;
  const [a, f, o] = parts.map((x) => formatYuan(x ?? 0));
  return `缴费总金额 ${formatYuan(total)} 元不等于个人缴费 ${a} 元、财政补助 ${f} 元与其他缴费 ${o} 元之和 ${formatYuan(sum)} 元，请核对。`;
}

/** The distinct values of a coded column with how many rows hold each and how each was read, for the dry run. */
export interface FlagValue {
  field: FieldKey;
  label: string;
  value: string;
  rows: number;
  /** 正常 / 冲销 / 已缴费 / 城乡居民 / 职工, or null: listed nowhere, not acted on. */
  reading: string | null;
}

const READINGS: Record<string, string> = {
  normal: '正常缴费',
  reversal: '冲销',
  paid: '已缴费',
  unpaid: '未缴费（不导入）',
  resident: '城乡居民医保',
  employee: '职工医保',
};

export function flagValues(rows: readonly (PlatformColumns | null)[], values: ValueWords): FlagValue[] {
  const out = new Map<string, FlagValue>();
  for (const p of rows) {
    if (!p) continue;
    for (const field of ['reversalFlag', 'paidFlag', 'insuranceType'] as const) {
      const value = p[field];
      if (!value) continue;
      const k = `${field}|${value}`;
      const seen = out.get(k);
      if (seen) seen.rows++;
      else {
        const cls = values[field].get(normalizeValue(value));
        out.set(k, { field, label: FLAG_LABELS[field], value, rows: 1, reading: cls ? READINGS[cls]! : null });
      }
    }
  }
  return [...out.values()];
}
