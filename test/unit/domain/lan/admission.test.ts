// Who the main PC answers on the LAN (issue 30), table-driven.
import { describe, expect, it } from 'vitest';
import { admit, type LanRequest } from '../../../../src-main/domain/lan/admission';
import { allowedHosts } from '../../../../src-main/domain/lan/addresses';

const hosts = allowedHosts({ names: ['canbao-pc'], addresses: ['192.168.1.20'], port: 8443 });
const base: LanRequest = {
  remoteAddress: '192.168.1.31',
  host: '192.168.1.20:8443',
  origin: undefined,
  method: 'POST',
  path: '/api/roster.search',
  seat: 'paired',
};
const r = (over: Partial<LanRequest>) => admit({ ...base, ...over }, hosts);
const said = (a: ReturnType<typeof admit>) => (a.ok ? a.as : a.status);

describe('admit', () => {
  it.each<[string, Partial<LanRequest>, string | number]>([
    ['a paired seat', {}, 'seat'],
    ['a paired seat by the PC name, in capitals', { host: 'CANBAO-PC:8443' }, 'seat'],
    ['from its own page', { origin: 'https://192.168.1.20:8443' }, 'seat'],
    ['an address on the internet', { remoteAddress: '8.8.8.8' }, 403],
    ['an internet address written as IPv6', { remoteAddress: '::ffff:8.8.8.8' }, 403],
    ['an office address written as IPv6', { remoteAddress: '::ffff:192.168.1.31' }, 'seat'],
    ['a name the PC does not answer to (DNS rebinding)', { host: 'evil.example:8443' }, 421],
    ['no Host at all', { host: undefined }, 421],
    ['the right address on another port', { host: '192.168.1.20:8080' }, 421],
    ['a page of another origin', { origin: 'https://evil.example' }, 403],
    ['plain http named as the origin', { origin: 'http://192.168.1.20:8443' }, 403],
    ['a seat not paired', { seat: 'none' }, 401],
    ['a token the ledger does not know', { seat: 'unknown' }, 401],
    ['a revoked seat', { seat: 'revoked' }, 401],
    ['pairing, not yet paired', { path: '/pair', seat: 'none' }, 'pairing'],
    ['pairing by GET', { path: '/pair', method: 'GET', seat: 'none' }, 405],
    ['the page itself, not yet paired', { path: '/', method: 'GET', seat: 'none' }, 'page'],
    ['its scripts', { path: '/assets/index-1.js', method: 'GET', seat: 'none' }, 'page'],
    ['an upload, not yet paired', { path: '/upload', seat: 'none' }, 401],
    ['a download, revoked', { path: '/download', seat: 'revoked' }, 401],
  ])('%s → %s', (_, over, expected) => {
    expect(said(r(over))).toBe(expected);
  });

  it('every refusal says why in Chinese', () => {
    for (const over of [{ remoteAddress: '8.8.8.8' }, { host: 'x' }, { seat: 'revoked' as const }, { seat: 'none' as const }]) {
      const a = r(over);
      expect(a.ok).toBe(false);
      if (!a.ok) expect(a.message).toMatch(/^[\u4e00-\u9fff]/);
    }
  });
});
