// The pairing code (issue 30): six uniform digits, ten minutes, one seat, five wrong tries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPairingCode, PAIRING_TRIES, redeem, type PairingCode } from '../../../../src-main/domain/lan/pairing';

const T0 = Date.parse('2026-10-08T09:00:00+08:00');
const fixed = (code: string): PairingCode => ({ code, issuedAt: T0, wrong: 0, used: false });
const min = 60_000;

describe('newPairingCode', () => {
  it('is six digits from the random bytes, and draws again above the last whole million', () => {
    const draws = [
      [0xff, 0xff, 0xff, 0xff], // 4294967295: above 4294000000, drawn again
      [0x00, 0x01, 0xe2, 0x40], // 123456
    ];
    let i = 0;
    const c = newPairingCode(() => Uint8Array.from(draws[i++]!), T0);
    expect(i).toBe(2);
    expect(c).toEqual({ code: '123456', issuedAt: T0, wrong: 0, used: false });
    expect(newPairingCode(() => Uint8Array.from([0, 0, 0, 7]), T0).code).toBe('000007');
  });
  it('any bytes give six digits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (b) => {
        // The drawn bytes, then (when they were above the last million) zeros.
        let first = true;
        const random = () => (first ? ((first = false), b) : new Uint8Array(4));
        expect(newPairingCode(random, T0).code).toMatch(/^\d{6}$/);
      }),
    );
  });
});

describe('redeem', () => {
  it.each<[string, PairingCode | null, string, number, string, boolean]>([
    ['the right code in time', fixed('042917'), '042917', T0 + 9 * min, 'ok', true],
    ['typed in groups', fixed('042917'), '042 917', T0, 'ok', true],
    ['typed with a dash', fixed('042917'), '042-917', T0, 'ok', true],
    ['no code shown', null, '042917', T0, 'none', false],
    ['a wrong code', fixed('042917'), '042918', T0, 'wrong', false],
    ['a shorter one', fixed('042917'), '04291', T0, 'wrong', false],
    ['after ten minutes', fixed('042917'), '042917', T0 + 10 * min + 1, 'expired', false],
    ['used already', { ...fixed('042917'), used: true }, '042917', T0, 'used', false],
    ['spent by wrong tries', { ...fixed('042917'), wrong: PAIRING_TRIES }, '042917', T0, 'spent', false],
  ])('%s', (_, code, typed, now, reason, ok) => {
    const r = redeem(code, typed, now);
    expect(r.ok ? 'ok' : r.reason).toBe(reason);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
  it('the right code is spent by its use: a second seat with it is refused', () => {
    const first = redeem(fixed('042917'), '042917', T0);
    expect(first.ok).toBe(true);
    const second = redeem(first.code, '042917', T0 + 1000);
    expect(second.ok ? 'ok' : second.reason).toBe('used');
  });
  it('five wrong tries spend it, and then the right one is refused too', () => {
    let code: PairingCode | null = fixed('042917');
    const said: string[] = [];
    for (let i = 0; i < PAIRING_TRIES; i++) {
      const r = redeem(code, '111111', T0);
      said.push(r.ok ? 'ok' : r.message);
      code = r.code;
    }
    expect(said[0]).toContain('还可以输 4 次');
    expect(said[PAIRING_TRIES - 1]).toContain('已作废');
    const last = redeem(code, '042917', T0);
    expect(last.ok ? 'ok' : last.reason).toBe('spent');
  });
});
