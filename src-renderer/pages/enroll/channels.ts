/** The ways a payment reaches the office's ledger, as the desk records them. */
export const CHANNELS = ['现金', 'POS刷卡', '微信', '支付宝', '重庆电子税务局', '渝快办', '农商行APP', '零申报'];
