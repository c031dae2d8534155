// The desk's one state and the one function that moves it (issue 26): every step reads from it,
// every answer from the main process comes back through `deskReducer`, so a step never sees a
// half-updated desk (a new date with the old amount, a person with the previous one's quote).
import type { ApiOutput, Quote, Receipt } from '../../../src-main/api/contract';

export type PersonDetail = ApiOutput<'roster.getPerson'>;
export type Tier = 1 | 2;
export type Step = 0 | 1 | 2 | 3 | 4;

export const STEPS = ['选择人员', '核对信息', '选择档次', '缴费', '完成'] as const;

/** Years the clerk typed over the history (the person paid elsewhere, or lapsed earlier). */
export interface DeskYears {
  lapsedYears?: number;
  continuousYears?: number;
}

/** What only the person can tell: the day 职工医保 stopped, they left the army, a special event; a newborn's guardian. */
export interface DeskDates {
  employeeInsuranceEndedOn?: string;
  dischargedOn?: string;
  specialEventOn?: string;
  guardianInsured?: boolean;
}

/** What a payment is made of, shared with 全户参保. */
export interface Payment {
  paidOn: string;
  channel: string;
}

export interface DeskState {
  step: Step;
  /** 全户参保 chosen at the check step: the household's own screen stands in for steps 2–4. */
  household: boolean;
  detail: PersonDetail | null;
  tier: Tier;
  /** Each tier's quote, or the Chinese refusal for it. */
  tierQuotes: Partial<Record<Tier, Quote | string>>;
  payment: Payment;
  /** What the clerk typed over the history; empty means the ledger's reading. */
  years: DeskYears;
  dates: DeskDates;
  quote: Quote | null;
  /** The inputs `quote` answered (`quoteKey` of them): a quote for other inputs is stale. */
  quotedFor: string | null;
  receipt: Receipt | null;
  /** The last channel the clerk chose that was not 零申报 (the batch's way of paying). */
  lastChannel: string;
}

export type DeskAction =
  | { type: 'picked'; detail: PersonDetail }
  | { type: 'household'; on: boolean }
  | { type: 'tiersQuoted'; personId: number; quotes: Partial<Record<Tier, Quote | string>> }
  | { type: 'tierChosen'; tier: Tier }
  /** `from`: the step the quote was asked at; an answer reaching another step is not for it. */
  | { type: 'quoted'; quote: Quote; key: string; from: Step }
  | { type: 'payment'; change: Partial<Payment> }
  | { type: 'years'; years: DeskYears }
  | { type: 'dates'; dates: DeskDates }
  | { type: 'saved'; receipt: Receipt | null }
  /** The person changed since shown (another window): shown again, checked anew. */
  | { type: 'stale'; detail: PersonDetail }
  | { type: 'back' }
  | { type: 'restart' };

export const ZERO_CHANNEL = '零申报';
export const DEFAULT_CHANNEL = '现金';

export function freshDesk(today: string): DeskState {
  return {
    step: 0,
    household: false,
    detail: null,
    tier: 1,
    tierQuotes: {},
    payment: { paidOn: today, channel: DEFAULT_CHANNEL },
    years: {},
    dates: {},
    quote: null,
    quotedFor: null,
    receipt: null,
    lastChannel: DEFAULT_CHANNEL,
  };
}

/** The inputs a quote depends on, the person (as read) among them, as one comparable key. */
export function quoteKey(s: Pick<DeskState, 'detail' | 'tier' | 'payment' | 'years' | 'dates'>): string {
  const p = s.detail?.person;
  return JSON.stringify([p?.id, p?.version, s.tier, s.payment.paidOn, s.payment.channel, s.years, s.dates]);
}

/**
 * Nothing to pay is not paid in cash: a fully funded person is 零申报 (the 缴费日报 counts by
 * channel); an amount due is never 零申报. Any other channel the clerk chose stays.
 */
export function channelFor(quote: Quote, channel: string): string {
  if (quote.eligible && quote.personalFen === 0) return ZERO_CHANNEL;
  return channel === ZERO_CHANNEL ? DEFAULT_CHANNEL : channel;
}

export function deskReducer(s: DeskState, a: DeskAction): DeskState {
  switch (a.type) {
    case 'picked':
      return { ...s, step: 1, household: false, detail: a.detail, years: {}, dates: {}, quote: null, quotedFor: null, tierQuotes: {} };
    case 'household':
      return { ...s, household: a.on && s.step === 1 };
    case 'tiersQuoted': {
      // Late (the clerk went back, or on with another person): dropped.
      if (s.step !== 1 || s.household || s.detail?.person.id !== a.personId) return s;
      // The tier offered first is the one chosen before if the notice has it, else the first it has.
      const tiers = Object.keys(a.quotes).map(Number) as Tier[];
      const tier = tiers.includes(s.tier) ? s.tier : (tiers[0] ?? s.tier);
      return { ...s, step: 2, tierQuotes: a.quotes, tier };
    }
    case 'tierChosen':
      return s.tierQuotes[a.tier] === undefined ? s : { ...s, tier: a.tier };
    case 'quoted': {
      // An answer for inputs since changed is dropped (the newer quote is on its way), and so is
      // one arriving after the clerk went back or on: a re-quote asked at the payment step must
      // not undo an Esc to the tiers.
      if (s.step !== a.from || s.step < 2 || s.step > 3 || a.key !== quoteKey(s)) return s;
      const channel = channelFor(a.quote, s.payment.channel);
      const payment = channel === s.payment.channel ? s.payment : { ...s.payment, channel };
      const next = { ...s, step: 3 as Step, quote: a.quote, payment };
      // The channel turned by the quote itself does not change what was quoted (the amount does not depend on it).
      return { ...next, quotedFor: channel === s.payment.channel ? a.key : quoteKey(next) };
    }
    case 'payment': {
      const channel = a.change.channel;
      return { ...s, payment: { ...s.payment, ...a.change }, lastChannel: channel && channel !== ZERO_CHANNEL ? channel : s.lastChannel };
    }
    case 'years':
      return { ...s, years: a.years };
    case 'dates':
      return { ...s, dates: a.dates };
    case 'saved':
      return { ...s, step: 4, receipt: a.receipt };
    case 'stale':
      // Only the payment being saved is sent back; a receipt already shown stays.
      if (s.step !== 3 || s.detail?.person.id !== a.detail.person.id) return s;
      return { ...s, step: 1, detail: a.detail, quote: null, quotedFor: null };
    case 'back':
      if (s.household) return { ...s, household: false };
      return s.step > 0 && s.step < 4 ? { ...s, step: (s.step - 1) as Step } : s;
    case 'restart':
      // The next person usually pays the same day the same way (a batch typed in from a list);
      // 零申报 was this person's, not the batch's.
      return {
        ...freshDesk(s.payment.paidOn),
        payment: { ...s.payment, channel: s.payment.channel === ZERO_CHANNEL ? s.lastChannel : s.payment.channel },
        lastChannel: s.lastChannel,
      };
  }
}

/** True when the amount on screen answers what is typed now; saving waits until it does. */
export const quoteCurrent = (s: DeskState): boolean => s.quote !== null && s.quotedFor === quoteKey(s);

/** The payment for this year already on the ledger, said before the cash is taken. */
export function paidAlready(s: DeskState, year: number | null) {
  return s.detail?.enrollments.find((e) => e.status === 'active' && e.coverageYear === year) ?? null;
}
