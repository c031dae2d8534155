// How a payment reached the office, as the desk records it and the 缴费日报 counts it: the ways
// the region's notice names, and 零申报 for a person who pays nothing.
import type { Policy } from './schema';

export const ZERO_CHANNEL = '零申报';
export const DEFAULT_CHANNEL = '现金';

/** Where the notice names no ways to pay (瑞州's): what any office's counter takes. */
export const COUNTER_CHANNELS: readonly string[] = ['现金', 'POS刷卡', '微信', '支付宝'];

/** The desk's choices under a year's policy: cash first, the region's own ways, 零申报 last. */
export function deskChannels(policy: Policy | undefined): string[] {
  return [...new Set([DEFAULT_CHANNEL, ...(policy?.deskChannels?.items ?? COUNTER_CHANNELS), ZERO_CHANNEL])];
}

/**
 * Nothing to pay is not paid in cash: a person who pays nothing is 零申报 (the 缴费日报 counts by
 * channel); an amount due is never 零申报. Any other channel the clerk chose stays.
 */
export function channelFor(quote: { eligible: boolean; personalFen: number }, chosen: string): string {
  if (quote.eligible && quote.personalFen === 0) return ZERO_CHANNEL;
  return chosen === ZERO_CHANNEL ? DEFAULT_CHANNEL : chosen;
}

/** An enrollment recorded before that rule (现金 for nothing paid) is printed as what it was. */
export const channelOnPaper = (personalFen: number, channel: string): string =>
  personalFen === 0 && channel === DEFAULT_CHANNEL ? `${ZERO_CHANNEL}（全额资助）` : channel;
