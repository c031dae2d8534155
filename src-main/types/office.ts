// The office, its villages and its users, as the ledger keeps them.

export interface Office {
  /** 乡镇/街道 name, e.g. 农坝镇. Empty until the office sets it up. */
  townshipName: string;
  /** 所属区县, e.g. 云阳县. */
  county: string;
  /** The county's 6-digit GB/T 2260 division code (500242 for 酉阳), '' until set: tells a 医保 file's 所属区划 in the county from elsewhere. */
  countyCode: string;
  /** Receipts show the full ID number instead of 500235********0117. */
  receiptFullId: boolean;
  /** The office's telephone and address, printed where residents are told whom to ask or object to ('' until set). */
  phone: string;
  address: string;
  /** How many days the 资助对象公示名单 stays posted (default 7): its 公示期 runs from the day printed. */
  publicDays: number;
}

export type OfficeInput = Pick<Office, 'townshipName' | 'county'> & Partial<Omit<Office, 'townshipName' | 'county'>>;

export interface Village {
  id: number;
  /** The office's own code for the 村/社区 (often the statistical division code). */
  code: string;
  name: string;
  /** Date (YYYY-MM-DD) the village was retired; null while in use. */
  retiredOn: string | null;
  /** 单位编号: the village as the 医保 platform's "单位" for 批量参保登记; '' until set in 设置. */
  unitCode: string;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'clerk';
}

/** A table the county edits without a release (resources/aliases/categories.yaml, resources/layouts/headers.yaml), as checked now. */
export interface CountyTable {
  /** categories.yaml */
  file: string;
  /** Where it is on this computer, for whoever fixes it. */
  path: string;
  /** 人员类别对照表 */
  title: string;
  /** What cannot be done while it is broken. */
  uses: string;
  /** None when the table is fine. text: `categories.yaml 第 12 行：“低保对象”同时列在 min_living 和 destitute 下` */
  faults: { line: number | null; message: string; text: string }[];
}
