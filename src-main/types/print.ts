/** What each printed document shows; amounts already formatted in yuan by the main process. */

export interface NoticeTierOption {
  tier: 1 | 2;
  tierLabel: string;
  feeYuan: string;
  subsidyYuan: string;
  personalYuan: string;
  /** 资助类别（部门）, empty for ordinary residents. */
  subsidyLabel: string;
}

export interface HouseholdNotice {
  officeTitle: string;
  coverageYear: number;
  villageName: string;
  householdNumber: string;
  headName: string;
  members: {
    personId: number;
    /** Person.version: 全户参保 from this notice states what it showed. */
    version: number;
    name: string;
    idNumber: string;
    relation: string;
    /** Already enrolled this year: the receipt number; the options are then not shown. */
    enrolledReceipt: string | null;
    /** The tier that enrollment paid (null: none, or a scheme without tiers): 已参保 stands under it. */
    enrolledTier: 1 | 2 | null;
    /** 资助类别（部门）: the one the person is quoted under, or the one their enrollment was subsidised under. */
    subsidyLabel: string;
    /** Why the person need not or cannot enroll here, in plain Chinese. */
    notDue: string | null;
    options: NoticeTierOption[];
    /** Paying today, benefits would start only after the year ends (docs/rules.md "A wait past 31 December"): that day; else null. */
    benefitAfterYear: string | null;
  }[];
  /** What the household pays in all, per tier, for the members who still have to pay. */
  totals: { tier: 1 | 2; tierLabel: string; persons: number; personalYuan: string }[];
  window: { label: string; from: string | null; to: string; text: string; cite: string } | null;
  channels: string[];
  channelsCite: string;
  sources: string[];
  printedOn: string;
}

/** One print job of a batch of notices: households offset..offset+count-1 of a village, 户号 from … to. */
export interface NoticeJob {
  villageId: number;
  villageName: string;
  offset: number;
  count: number;
  from: string;
  to: string;
}

export interface PublicListRow {
  villageName: string;
  name: string;
  idNumber: string;
  categoryLabel: string;
  departmentLabel: string;
  tierLabel: string;
  subsidyYuan: string;
}

export interface PublicList {
  officeTitle: string;
  coverageYear: number;
  villageName: string | null;
  rows: PublicListRow[];
  totalYuan: string;
  /** 公示期: from the day printed for the office's number of days. */
  publicFrom: string;
  publicTo: string;
  /** Where a resident objects: the office's telephone and address ('' when not set: a line to fill by hand). */
  phone: string;
  address: string;
}

export interface VillageNotice {
  officeTitle: string;
  townshipName: string;
  coverageYear: number;
  region: string;
  sources: { number: string; title: string }[];
  tiers: { tierLabel: string; feeYuan: string; cite: string }[];
  windows: { label: string; from: string | null; to: string; text: string }[];
  channels: string[];
  targets: { villageName: string; target: number }[];
  printedOn: string;
}

/** 退费单 (瑞州): what the resident signs for when the subsidy part of a payment is given back. */
export interface RefundSlip {
  officeTitle: string;
  receiptNo: string;
  coverageYear: number;
  personName: string;
  /** Masked unless the office prints full numbers, as on the receipt. */
  idNumber: string;
  villageName: string;
  paidOn: string;
  paidYuan: string;
  refundedYuan: string;
  refundedCapitals: string;
  /** What the person paid once the refund is taken off. */
  netYuan: string;
  reason: string;
  /** The rule's citation and words. */
  basis: string;
  refundedOn: string;
  /** Empty where the office has no users: a line to sign on instead. */
  clerk: string;
}
