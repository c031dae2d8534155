// The desk's one state and the one function that moves it (issue 26): every step reads from it,
// every answer from the main process comes back through `deskReducer`, so a step never sees a
// half-updated desk (a new date with the old amount, a person with the previous one's quote).
import type { ApiOutput, DeskQuote, Receipt } from '../../../src-main/api/contract';

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
  tierQuotes: Partial<Record<Tier, DeskQuote | string>>;
  /** The inputs each tier's quote answered (`quoteKey`): the payment step takes it while they hold. */
  tierKeys: Partial<Record<Tier, string>>;
  /** When the tiers were quoted (ms): a quote older than TIER_QUOTE_FRESH_MS is asked again. */
  tierQuotedAt: number;
  /** As the clerk chose it: the quote says what it is recorded under (a person who pays nothing: 零申报). */
  payment: Payment;
  /** What the clerk typed over the history; empty means the ledger's reading. */
  years: DeskYears;
  dates: DeskDates;
  quote: DeskQuote | null;
  /** The inputs `quote` answered (`quoteKey` of them): a quote for other inputs is stale. */
  quotedFor: string | null;
  receipt: Receipt | null;
}

export type DeskAction =
  | { type: 'picked'; detail: PersonDetail }
  | { type: 'household'; on: boolean }
  | { type: 'tiersQuoted'; personId: number; quotes: Partial<Record<Tier, DeskQuote | string>>; keys: Partial<Record<Tier, string>>; at: number }
  | { type: 'tierChosen'; tier: Tier }
  /** `from`: the step the quote was asked at; an answer reaching another step is not for it. */
  | { type: 'quoted'; quote: DeskQuote; key: string; from: Step }
  | { type: 'payment'; change: Partial<Payment> }
  | { type: 'years'; years: DeskYears }
  | { type: 'dates'; dates: DeskDates }
  | { type: 'saved'; receipt: Receipt | null }
  /** The person changed since shown (another window): shown again, checked anew. */
  | { type: 'stale'; detail: PersonDetail }
  | { type: 'back' }
  | { type: 'restart' };

/** Cash, which every region's list of channels begins with: the desk's choice until the clerk makes another. */
export const FIRST_CHANNEL = '现金';

export function freshDesk(today: string): DeskState {
  return {
    step: 0,
    household: false,
    detail: null,
    tier: 1,
    tierQuotes: {},
    tierKeys: {},
    tierQuotedAt: 0,
    payment: { paidOn: today, channel: FIRST_CHANNEL },
    years: {},
    dates: {},
    quote: null,
    quotedFor: null,
    receipt: null,
  };
}

/** The inputs a quote depends on, the person (as read) among them, as one comparable key. */
export function quoteKey(s: Pick<DeskState, 'detail' | 'tier' | 'payment' | 'years' | 'dates'>): string {
  const p = s.detail?.person;
  return JSON.stringify([p?.id, p?.version, s.tier, s.payment.paidOn, s.payment.channel, s.years, s.dates]);
}

/** The channel on screen: what the quote for what is typed now says it is recorded under, else the clerk's. */
export const shownChannel = (s: DeskState): string => (s.quote && quoteCurrent(s) ? s.quote.channel : s.payment.channel);

export function deskReducer(s: DeskState, a: DeskAction): DeskState {
  switch (a.type) {
    case 'picked':
      return { ...s, step: 1, household: false, detail: a.detail, years: {}, dates: {}, quote: null, quotedFor: null, tierQuotes: {}, tierKeys: {} };
    case 'household':
      return { ...s, household: a.on && s.step === 1 };
    case 'tiersQuoted': {
      // Late (the clerk went back, or on with another person): dropped.
      if (s.step !== 1 || s.household || s.detail?.person.id !== a.personId) return s;
      // The tier offered first is the one chosen before if the notice has it, else the first it has.
      const tiers = Object.keys(a.quotes).map(Number) as Tier[];
      const tier = tiers.includes(s.tier) ? s.tier : (tiers[0] ?? s.tier);
      return { ...s, step: 2, tierQuotes: a.quotes, tierKeys: a.keys, tierQuotedAt: a.at, tier };
    }
    case 'tierChosen':
      return s.tierQuotes[a.tier] === undefined ? s : { ...s, tier: a.tier };
    case 'quoted': {
      // An answer for inputs since changed is dropped (the newer quote is on its way), and so is
      // one arriving after the clerk went back or on: a re-quote asked at the payment step must
      // not undo an Esc to the tiers.
      if (s.step !== a.from || s.step < 2 || s.step > 3 || a.key !== quoteKey(s)) return s;
      return { ...s, step: 3, quote: a.quote, quotedFor: a.key };
    }
    case 'payment':
      return { ...s, payment: { ...s.payment, ...a.change } };
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
      // the clerk's channel is kept, not the 零申报 a fully funded person's quote showed.
      return { ...freshDesk(s.payment.paidOn), payment: s.payment };
  }
}

/** How long the tiers' quotes are taken as they are: a clerk who waited longer may see the ledger changed meanwhile. */
export const TIER_QUOTE_FRESH_MS = 10_000;

/**
 * The chosen tier's quote when it answers the desk as it stands and was asked within
 * TIER_QUOTE_FRESH_MS of `now` (Enter at the tiers moves on with it), else null: ask again.
 */
export function tierQuoteNow(s: DeskState, now: number): DeskQuote | null {
  const q = s.tierQuotes[s.tier];
  return typeof q === 'object' && s.tierKeys[s.tier] === quoteKey(s) && now - s.tierQuotedAt < TIER_QUOTE_FRESH_MS ? q : null;
}

/** True when the amount on screen answers what is typed now; saving waits until it does. */
export const quoteCurrent = (s: DeskState): boolean => s.quote !== null && s.quotedFor === quoteKey(s);

/** The payment for this year already on the ledger, said before the cash is taken. */
export function paidAlready(s: DeskState, year: number | null) {
  return s.detail?.enrollments.find((e) => e.status === 'active' && e.coverageYear === year) ?? null;
}
