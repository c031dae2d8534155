import { describe, expect, it } from 'vitest';
import { seatTarget } from '../../../../src-main/domain/lan/seat-target';

const PIN = 'q1dSQYYF6MkP2Vbme0pR5B9zL9kM3sYw0aJ7fD2xWcE=';

describe('what a seat window may open', () => {
  it.each([
    ['https://192.168.1.5:5781/', 'https://192.168.1.5:5781/', '192.168.1.5'],
    ['https://192.168.1.5:5781/anything?x=1', 'https://192.168.1.5:5781/', '192.168.1.5'],
    ['https://ZHUDIANNAO:5781', 'https://zhudiannao:5781/', 'zhudiannao'],
    ['https://[fd00::5]:5781/', 'https://[fd00::5]:5781/', 'fd00::5'],
    ['https://10.0.0.2/', 'https://10.0.0.2/', '10.0.0.2'],
  ])('opens %s as its origin', (url, origin, host) => {
    expect(seatTarget(url, PIN)).toEqual({ ok: true, target: { url: origin, host, pin: PIN } });
  });

  it.each([
    ['http://192.168.1.5:5781/', '只能用 https'],
    ['https://user:pw@192.168.1.5:5781/', '只能用 https'],
    ['https://8.8.8.8:5781/', '局域网内'],
    ['https://[2001:db8::1]:5781/', '局域网内'],
    ['file:///etc/passwd', '只能用 https'],
    ['javascript:alert(1)', '只能用 https'],
    ['not a url', '格式不对'],
    ['https://bad_name:5781/', '局域网内'],
  ])('refuses %s', (url, why) => {
    const r = seatTarget(url, PIN);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(why);
  });

  it('refuses a pin that is not a SHA-256 in base64', () => {
    for (const pin of ['', 'abc', `${PIN}x`, PIN.replace('=', 'A')]) expect(seatTarget('https://192.168.1.5:5781/', pin).ok).toBe(false);
  });
});
