// Who may reach the main PC over the LAN (issue 30): private ranges only, by the names and
// addresses the PC answers to. Table-driven, then properties over every address of a range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedHosts, hostOf, isPrivateAddress } from '../../../../src-main/domain/lan/addresses';

describe('isPrivateAddress', () => {
  it.each<[string, boolean]>([
    ['192.168.1.20', true],
    ['10.0.0.1', true],
    ['172.16.0.1', true],
    ['172.31.255.254', true],
    ['172.32.0.1', false],
    ['172.15.255.255', false],
    ['169.254.10.3', true],
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['8.8.8.8', false],
    ['100.64.0.1', false],
    ['192.169.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['::1', true],
    ['fe80::1%eth0', true],
    ['fd12:3456:789a::1', true],
    ['fc00::', true],
    ['2001:db8::1', false],
    ['::ffff:192.168.1.5', true],
    ['::ffff:8.8.8.8', false],
    ['::', false],
    // Not addresses at all, or written to slip past a careless parser.
    ['192.168.1', false],
    ['192.168.01.1', false],
    ['192.168.1.256', false],
    ['1.2.3.4.5', false],
    ['localhost', false],
    ['', false],
    ['fe80:::1', false],
    ['1::2::3', false],
    ['12345::1', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  const octet = fc.integer({ min: 0, max: 255 });
  it('every address of 10/8, 172.16/12 and 192.168/16 is private', () => {
    fc.assert(
      fc.property(octet, octet, octet, fc.integer({ min: 16, max: 31 }), (a, b, c, m) => {
        expect(isPrivateAddress(`10.${a}.${b}.${c}`)).toBe(true);
        expect(isPrivateAddress(`172.${m}.${b}.${c}`)).toBe(true);
        expect(isPrivateAddress(`192.168.${b}.${c}`)).toBe(true);
      }),
    );
  });
  it('a public IPv4 address is not, however it is written as IPv6', () => {
    const pub = fc
      .tuple(octet, octet, octet, octet)
      .filter(([a, b]) => !(a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)));
    fc.assert(
      fc.property(pub, ([a, b, c, d]) => {
        expect(isPrivateAddress(`${a}.${b}.${c}.${d}`)).toBe(false);
        expect(isPrivateAddress(`::ffff:${a}.${b}.${c}.${d}`)).toBe(false);
      }),
    );
  });
  it('any text at all is answered, true or false, without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof isPrivateAddress(s)).toBe('boolean');
      }),
    );
  });
});

describe('allowedHosts', () => {
  it('names (lower-cased) and addresses, IPv6 in brackets, each with the port', () => {
    expect([...allowedHosts({ names: ['CANBAO-PC', 'canbao-pc.local'], addresses: ['192.168.1.20', 'fe80::1'], port: 8443 })]).toEqual([
      'canbao-pc:8443',
      'canbao-pc.local:8443',
      '192.168.1.20:8443',
      '[fe80::1]:8443',
    ]);
    expect(hostOf('10.0.0.2')).toBe('10.0.0.2');
    // On 443 a browser sends no port.
    expect([...allowedHosts({ names: ['pc'], addresses: ['10.0.0.2'], port: 443 })]).toEqual(['pc', 'pc:443', '10.0.0.2', '10.0.0.2:443']);
  });
});
