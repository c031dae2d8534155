// The desk's one state (issue 26): what each answer and each key does to it, table-driven.
import { describe, expect, it } from 'vitest';
import type { DeskQuote } from '../../../src-main/api/contract';
import {
  deskReducer,
  tierQuoteNow,
  freshDesk,
  paidAlready,
  quoteCurrent,
  quoteKey,
  shownChannel,
  type DeskAction,
  type DeskState,
  type PersonDetail,
} from '../../../src-renderer/pages/enroll/desk';

// The channel as the main process answers it (domain/policy/channels.ts): nothing to pay is 零申报.
const quote = (personalFen: number, eligible = true, channel = personalFen === 0 ? '零申报' : '现金') =>
  ({ eligible, personalFen, tier: 1, channel }) as unknown as DeskQuote;
const detail = (id: number, paidYear?: number) =>
  ({
    person: { id, version: 1 },
    categories: [],
    enrollments: paidYear ? [{ status: 'active', coverageYear: paidYear }] : [],
  }) as unknown as PersonDetail;

const start = freshDesk('2024-11-05');
const run = (s: DeskState, ...actions: DeskAction[]) => actions.reduce(deskReducer, s);
const picked = run(start, { type: 'picked', detail: detail(1) });
const T0 = 1_700_000_000_000;
const tierKeys = (s: DeskState) => ({ 1: quoteKey({ ...s, tier: 1 }), 2: quoteKey({ ...s, tier: 2 }) });
const atTiers = run(picked, { type: 'tiersQuoted', personId: 1, quotes: { 1: quote(380_00), 2: quote(660_00) }, keys: tierKeys(picked), at: T0 });
/** At the payment step with `q`, quoted for the desk as it then stood. */
const paying = (q: DeskQuote, s = atTiers) => run(s, { type: 'quoted', quote: q, key: quoteKey(s), from: s.step });

describe('the desk moves one step per answer', () => {
  it.each<[string, DeskState, (s: DeskState) => unknown, unknown]>([
    ['a person picked is shown to check, with nothing typed for the one before', picked, (s) => [s.step, s.years, s.dates, s.quote], [1, {}, {}, null]],
    ['both tiers quoted: step 3, the first tier chosen', atTiers, (s) => [s.step, s.tier], [2, 1]],
    [
      'a notice with one tier offers it even when another was chosen before',
      run(picked, { type: 'tierChosen', tier: 2 }, { type: 'tiersQuoted', personId: 1, quotes: { 1: quote(380_00) }, keys: {}, at: T0 }),
      (s) => s.tier,
      1,
    ],
    [
      'a tier the notice has not is not chosen',
      run(picked, { type: 'tiersQuoted', personId: 1, quotes: { 1: quote(1) }, keys: {}, at: T0 }, { type: 'tierChosen', tier: 2 }),
      (s) => s.tier,
      1,
    ],
    ['the quote for the chosen tier moves to the payment, current', paying(quote(380_00)), (s) => [s.step, quoteCurrent(s)], [3, true]],
    [
      'a quote for inputs since changed is dropped',
      run(atTiers, { type: 'quoted', quote: quote(1), key: 'older', from: 2 }),
      (s) => [s.step, s.quote],
      [2, null],
    ],
    [
      'a quote arriving after the clerk went back is dropped',
      run(atTiers, { type: 'back' }, { type: 'quoted', quote: quote(1), key: quoteKey(atTiers), from: 2 }),
      (s) => [s.step, s.quote],
      [1, null],
    ],
    [
      'a re-quote asked at the payment step does not undo an Esc to the tiers',
      run(paying(quote(1)), { type: 'back' }, { type: 'quoted', quote: quote(2), key: quoteKey(atTiers), from: 3 }),
      (s) => s.step,
      2,
    ],
    [
      'the tiers of a person left behind do not come forward',
      run(picked, { type: 'back' }, { type: 'tiersQuoted', personId: 1, quotes: { 1: quote(1) }, keys: {}, at: T0 }),
      (s) => s.step,
      0,
    ],
    [
      'the tiers of another person are not shown for this one',
      run(picked, { type: 'tiersQuoted', personId: 2, quotes: { 1: quote(1) }, keys: {}, at: T0 }),
      (s) => s.step,
      1,
    ],
    [
      'a changed payment day makes the amount on screen stale',
      run(paying(quote(1)), { type: 'payment', change: { paidOn: '2024-12-01' } }),
      quoteCurrent,
      false,
    ],
    ['a typed year count makes it stale too', run(paying(quote(1)), { type: 'years', years: { lapsedYears: 0 } }), quoteCurrent, false],
    ['全户参保 is chosen at the check step only', run(atTiers, { type: 'household', on: true }), (s) => s.household, false],
    [
      'Esc from 全户参保 goes back to the check, not further',
      run(picked, { type: 'household', on: true }, { type: 'back' }),
      (s) => [s.step, s.household],
      [1, false],
    ],
    ['Esc does not leave the receipt', run(paying(quote(1)), { type: 'saved', receipt: null }, { type: 'back' }), (s) => s.step, 4],
    ['Esc at the search stays there', run(start, { type: 'back' }), (s) => s.step, 0],
    [
      'the person changed elsewhere: shown again to check, the quote gone',
      run(paying(quote(1)), { type: 'stale', detail: detail(1) }),
      (s) => [s.step, s.quote, s.quotedFor],
      [1, null, null],
    ],
    [
      'a second save refused as stale does not take the receipt away',
      run(paying(quote(1)), { type: 'saved', receipt: null }, { type: 'stale', detail: detail(1) }),
      (s) => s.step,
      4,
    ],
  ])('%s', (_, state, read, expected) => expect(read(state)).toEqual(expected));
});

it('does not take one person’s quote for another’s with the same inputs', () => {
  expect(quoteKey(picked)).not.toBe(quoteKey(run(start, { type: 'picked', detail: detail(2) })));
});

describe('the channel on screen is the one the quote answered; the clerk’s own is kept', () => {
  it.each<[string, DeskState, string, string]>([
    ['a fully funded person’s quote shows 零申报', paying(quote(0)), '零申报', '现金'],
    [
      'a channel the clerk chose is shown as quoted',
      paying(quote(380_00, true, '微信'), run(atTiers, { type: 'payment', change: { channel: '微信' } })),
      '微信',
      '微信',
    ],
    [
      'a channel chosen since is shown while the amount is worked out again',
      run(paying(quote(0)), { type: 'payment', change: { channel: '微信' } }),
      '微信',
      '微信',
    ],
  ])('%s', (_, s, shown, chosen) => {
    expect(shownChannel(s)).toBe(shown);
    expect(s.payment.channel).toBe(chosen);
  });

  it('a quote that says 零申报 is current: no second quote, no loop between the two', () => {
    expect(quoteCurrent(paying(quote(0)))).toBe(true);
  });
});

describe('the next person', () => {
  it('starts from the search with the same day and channel, all else fresh', () => {
    const done = run(paying(quote(1), run(atTiers, { type: 'payment', change: { paidOn: '2024-11-20', channel: '微信' } })), { type: 'saved', receipt: null });
    const next = run(done, { type: 'restart' });
    expect(next).toEqual({ ...freshDesk('2024-11-20'), payment: { paidOn: '2024-11-20', channel: '微信' } });
  });

  it('after a fully funded person (零申报) goes back to the batch’s channel', () => {
    const wechat = run(atTiers, { type: 'payment', change: { channel: '微信' } });
    const funded = paying(quote(0), wechat);
    expect(shownChannel(funded)).toBe('零申报');
    const next = run(funded, { type: 'saved', receipt: null }, { type: 'restart' });
    expect(next.payment.channel).toBe('微信');
  });

  it('is told when the person has paid for the year already, not for another year', () => {
    const s = run(start, { type: 'picked', detail: detail(2, 2024) });
    expect(paidAlready(s, 2024)).not.toBeNull();
    expect(paidAlready(s, 2025)).toBeNull();
  });
});

describe('Enter at the tiers moves on with the chosen tier’s quote while it answers the desk', () => {
  const stale = { ...detail(1), person: { id: 1, version: 2 } } as unknown as PersonDetail;
  it.each<[string, DeskState, number | null]>([
    ['the first tier, quoted for the desk as it stands', atTiers, 380_00],
    ['the second tier chosen: its own quote', run(atTiers, { type: 'tierChosen', tier: 2 }), 660_00],
    [
      'a tier quoted for another payment day (the clerk came back from the payment step): asked again',
      run(atTiers, { type: 'payment', change: { paidOn: '2024-12-01' } }),
      null,
    ],
    ['the person read again since (another window changed them): asked again', { ...atTiers, detail: stale }, null],
    [
      'a tier answered with a refusal: asked again, so the refusal is said',
      run(picked, { type: 'tiersQuoted', personId: 1, quotes: { 1: '不能参保' }, keys: tierKeys(picked), at: T0 }),
      null,
    ],
    ['tiers quoted without their inputs: asked again', run(picked, { type: 'tiersQuoted', personId: 1, quotes: { 1: quote(1) }, keys: {}, at: T0 }), null],
  ])('%s', (_, s, fen) => {
    expect(tierQuoteNow(s, T0 + 3_000)?.personalFen ?? null).toBe(fen);
  });
  it('a quote older than ten seconds (the clerk waited) is asked again', () => {
    expect(tierQuoteNow(atTiers, T0 + 9_999)?.personalFen).toBe(380_00);
    expect(tierQuoteNow(atTiers, T0 + 10_000)).toBeNull();
  });
});
