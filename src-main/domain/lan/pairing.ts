// The one-time pairing code the main PC shows (issue 30): six digits, good for ten minutes and
// for one seat; a few wrong tries spend it, so guessing one of a million is not a way in.

export const PAIRING_MINUTES = 10;
/** Wrong codes typed before the code is spent and the admin must show a new one. */
export const PAIRING_TRIES = 5;

export interface PairingCode {
  code: string;
  /** When it was shown (ms since the epoch). */
  issuedAt: number;
  /** Wrong codes typed against it so far. */
  wrong: number;
  used: boolean;
}

/**
 * Six digits, each of the million equally likely: 4 random bytes are drawn until they fall
 * below the largest multiple of a million (`random` is crypto's, or a test's).
 */
export function newPairingCode(random: (bytes: number) => Uint8Array, now: number): PairingCode {
  const limit = Math.floor(2 ** 32 / 1_000_000) * 1_000_000;
  for (;;) {
    const b = random(4);
    const n = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
    if (n < limit) return { code: String(n % 1_000_000).padStart(6, '0'), issuedAt: now, wrong: 0, used: false };
  }
}

export type Redeemed =
  { ok: true; code: PairingCode } | { ok: false; reason: 'none' | 'expired' | 'used' | 'spent' | 'wrong'; message: string; code: PairingCode | null };

/** Digits only, as typed with spaces or a dash between groups. */
const digits = (typed: string) => typed.replace(/[\s-]/g, '');

/** Compares without stopping at the first difference, so the time taken says nothing of the code. */
function same(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** A seat's typed code against the one shown: what the code becomes, and the answer in Chinese. */
export function redeem(code: PairingCode | null, typed: string, now: number): Redeemed {
  if (!code) return { ok: false, reason: 'none', message: '主电脑上还没有显示配对码：请在主电脑的「设置 → 多台电脑」中点「显示配对码」。', code };
  if (code.used) return { ok: false, reason: 'used', message: '这个配对码已经用过了：每个配对码只能连接一台电脑，请在主电脑上显示新的配对码。', code };
  if (code.wrong >= PAIRING_TRIES)
    return { ok: false, reason: 'spent', message: `配对码已输错 ${PAIRING_TRIES} 次，已作废：请在主电脑上显示新的配对码。`, code };
  if (now - code.issuedAt > PAIRING_MINUTES * 60_000)
    return { ok: false, reason: 'expired', message: `配对码已过期（${PAIRING_MINUTES} 分钟内有效）：请在主电脑上显示新的配对码。`, code };
  if (!same(digits(typed), code.code)) {
    const next = { ...code, wrong: code.wrong + 1 };
    const left = PAIRING_TRIES - next.wrong;
    return {
      ok: false,
      reason: 'wrong',
      message:
        left > 0
          ? `配对码不对，请核对主电脑上显示的 6 位数字（还可以输 ${left} 次）。`
          : `配对码已输错 ${PAIRING_TRIES} 次，已作废：请在主电脑上显示新的配对码。`,
      code: next,
    };
  }
  return { ok: true, code: { ...code, used: true } };
}
