// The channel a payment is recorded under (issue 27, one rule in one place): table-driven, with a
// property over any amount and any channel chosen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTER_CHANNELS, DEFAULT_CHANNEL, ZERO_CHANNEL, channelFor, channelOnPaper, deskChannels } from '../../../src-main/domain/policy/channels';
import { policies } from '../../helpers/policies';

describe('channelFor', () => {
  it.each<[string, { eligible: boolean; personalFen: number }, string, string]>([
    ['nothing to pay in cash is 零申报', { eligible: true, personalFen: 0 }, '现金', '零申报'],
    ['nothing to pay by 微信 is 零申报 too', { eligible: true, personalFen: 0 }, '微信', '零申报'],
    ['an amount due chosen as 零申报 is cash', { eligible: true, personalFen: 380_00 }, '零申报', '现金'],
    ['an amount due keeps the channel chosen', { eligible: true, personalFen: 380_00 }, '渝快办', '渝快办'],
    ['a refused quote says nothing of the channel', { eligible: false, personalFen: 0 }, '微信', '微信'],
  ])('%s', (_, quote, chosen, expected) => expect(channelFor(quote, chosen)).toBe(expected));

  it('an eligible person is 零申报 exactly when they pay nothing', () => {
    fc.assert(
      fc.property(fc.nat(2_000_00), fc.constantFrom(...deskChannels(undefined), '渝快办', ''), (fen, chosen) => {
        const c = channelFor({ eligible: true, personalFen: fen }, chosen);
        expect(c === ZERO_CHANNEL).toBe(fen === 0);
        if (fen > 0 && chosen !== ZERO_CHANNEL) expect(c).toBe(chosen);
      }),
    );
  });
});

describe('deskChannels: each region offers its own', () => {
  it.each<[string, string[]]>([
    ['cq-yunyang-nongba-2024', ['现金', 'POS刷卡', '微信', '支付宝', '重庆电子税务局', '渝快办', '农商行APP', '零申报']],
    ['cq-youyang-2024', ['现金', 'POS刷卡', '微信', '支付宝', '重庆电子税务局', '渝快办', '农商行APP', '零申报']],
    ['cq-youyang-2025', ['现金', 'POS刷卡', '微信', '支付宝', '重庆电子税务局', '渝快办', '农商行APP', '零申报']],
    ['cq-fengdu-lizi-2024', ['现金', 'POS刷卡', '微信', '支付宝', '云闪付', '渝快办', '农商行APP', '零申报']],
    ['jx-gaoan-ruizhou-2024', [...COUNTER_CHANNELS, '零申报']],
  ])('%s', (id, expected) => {
    const p = policies.get(id);
    expect(p).toBeDefined();
    expect(deskChannels(p)).toEqual(expected);
  });

  it('cash first and 零申报 last, each once, whatever the policy lists', () => {
    for (const p of policies.values()) {
      const c = deskChannels(p);
      expect(c[0]).toBe(DEFAULT_CHANNEL);
      expect(c.at(-1)).toBe(ZERO_CHANNEL);
      expect(new Set(c).size).toBe(c.length);
    }
  });
});

describe('channelOnPaper', () => {
  it.each<[number, string, string]>([
    [0, '现金', '零申报（全额资助）'],
    [0, '零申报', '零申报'],
    [3800, '现金', '现金'],
  ])('%i fen by %s prints as %s', (fen, channel, expected) => expect(channelOnPaper(fen, channel)).toBe(expected));
});
