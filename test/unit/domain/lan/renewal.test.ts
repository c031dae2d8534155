// When the LAN certificate is made again (issue 30), table-driven.
import { describe, expect, it } from 'vitest';
import { namedIn, renewalNeeded, type Named } from '../../../../src-main/domain/lan/renewal';

const NOW = new Date('2026-10-08T00:00:00Z');
const day = 86_400_000;
const have = (names: string[], addresses: string[], daysLeft: number) => ({ names, addresses, notAfter: new Date(NOW.getTime() + daysLeft * day) });
const want: Named = { names: ['canbao-pc'], addresses: ['192.168.1.20'] };

describe('renewalNeeded', () => {
  it.each<[string, ReturnType<typeof have> | null, Named, ReturnType<typeof renewalNeeded>]>([
    ['none yet', null, want, 'none'],
    ['the same names, long to run', have(['canbao-pc'], ['192.168.1.20'], 400), want, null],
    ['names compared without case', have(['CANBAO-PC'], ['192.168.1.20'], 400), want, null],
    ['a new address from DHCP', have(['canbao-pc'], ['192.168.1.20'], 400), { names: ['canbao-pc'], addresses: ['192.168.1.33'] }, 'names'],
    ['a renamed PC', have(['canbao-pc'], ['192.168.1.20'], 400), { names: ['window-1'], addresses: ['192.168.1.20'] }, 'names'],
    ['an address given up is no reason', have(['canbao-pc'], ['192.168.1.20', '10.0.0.5'], 400), want, null],
    ['an IPv6 address as Node writes it', have(['canbao-pc'], ['FE80:0:0:0:0:0:0:1'], 400), { names: ['canbao-pc'], addresses: ['fe80::1'] }, null],
    ['31 days left', have(['canbao-pc'], ['192.168.1.20'], 31), want, null],
    ['29 days left', have(['canbao-pc'], ['192.168.1.20'], 29), want, 'expiring'],
    ['run out', have(['canbao-pc'], ['192.168.1.20'], -1), want, 'expiring'],
  ])('%s', (_, h, w, expected) => {
    expect(renewalNeeded(h, w, NOW)).toBe(expected);
  });
});

describe('namedIn', () => {
  it("reads Node's subjectAltName", () => {
    expect(namedIn('DNS:canbao-pc, DNS:canbao-pc.local, IP Address:192.168.1.20, IP Address:FE80:0:0:0:0:0:0:1')).toEqual({
      names: ['canbao-pc', 'canbao-pc.local'],
      addresses: ['192.168.1.20', 'FE80:0:0:0:0:0:0:1'],
    });
    expect(namedIn(undefined)).toEqual({ names: [], addresses: [] });
  });
});
