import type { PersonSummary } from './reports';

/** A policy file as a clerk reads it: the id stays for the calls that choose it. */
export interface NamedPolicy {
  id: string;
  /** 重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号） */
  name: string;
}

/** What starting a new season needs: its policy, its targets, and the categories to renew. */
export interface NewSeason {
  year: number;
  /** The office's policy for the year, if chosen. */
  chosen: NamedPolicy | null;
  /**
   * When none is chosen: the file of the office's own township, else of the region it ran last
   * year, else of its county (a county's notice binds every township in it).
   */
  suggested: NamedPolicy | null;
  /** The year's other files, for the card to say what there is when none is the office's. */
  others: NamedPolicy[];
  /** 酉阳县花田乡 as set in 设置, '' until set: without it no file can be told to be the office's. */
  place: string;
  /** The season's 集中参保期, from the chosen (or suggested) policy. */
  window: { from: string | null; to: string } | null;
  /** The first day any of its windows opens, from the chosen (or suggested) policy. */
  opensOn: string | null;
  /** 工作台 proposes starting the year from this day (30 days before it opens); null: at once. */
  proposeFrom: string | null;
  /** The day asked about has reached proposeFrom. */
  due: boolean;
  targets: { lastYear: { villages: number; total: number }; thisYear: { villages: number; total: number } };
  /** Categories ended or ending before this season's window closes, per department. */
  ending: { department: string; count: number }[];
}

export type EndingCategory = PersonSummary & { code: string; department: string | null; departmentLabel: string; validTo: string };
