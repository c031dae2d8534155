// Who may reach the main PC's canbao over the office LAN (issue 30): only the office's own
// private addresses, and only by a name or address the PC answers to, so a page on the internet
// that resolves its own name to the PC (DNS rebinding) is refused like any stranger.

/** The four numbers of a dotted IPv4 address, or null. */
function ipv4(text: string): [number, number, number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number) as [number, number, number, number];
  return parts.every((n, i) => n <= 255 && String(n) === m[i + 1]) ? parts : null;
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail read as two), or null. */
function ipv6(text: string): number[] | null {
  const zone = text.indexOf('%');
  const bare = (zone === -1 ? text : text.slice(0, zone)).toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(bare) || bare.split('::').length > 2) return null;
  const expand = (side: string): number[] | null => {
    if (side === '') return [];
    const out: number[] = [];
    const groups = side.split(':');
    for (const [i, g] of groups.entries()) {
      const four = i === groups.length - 1 ? ipv4(g) : null;
      if (four) out.push((four[0] << 8) | four[1], (four[2] << 8) | four[3]);
      else if (/^[0-9a-f]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const a = expand(head);
  const b = tail === undefined ? [] : expand(tail);
  if (!a || !b) return null;
  if (tail === undefined) return a.length === 8 ? a : null;
  const fill = 8 - a.length - b.length;
  return fill >= 1 ? [...a, ...new Array<number>(fill).fill(0), ...b] : null;
}

function privateV4([a, b]: [number, number, number, number]): boolean {
  return (
    a === 10 || // 10.0.0.0/8
    (a === 172 && b >= 16 && b <= 31) || // 172.16.0.0/12
    (a === 192 && b === 168) || // 192.168.0.0/16
    (a === 169 && b === 254) || // link-local, a PC with no DHCP answer
    a === 127 // this PC itself
  );
}

/**
 * True for an address inside the office: the private ranges of RFC 1918, link-local, loopback,
 * IPv6's unique-local (fc00::/7) and link-local (fe80::/10), and an IPv4 address written as IPv6.
 */
export function isPrivateAddress(address: string): boolean {
  const four = ipv4(address);
  if (four) return privateV4(four);
  const six = ipv6(address);
  if (!six) return false;
  if (six.slice(0, 7).every((g) => g === 0) && six[7] === 1) return true; // ::1
  if (six.slice(0, 5).every((g) => g === 0) && six[5] === 0xffff) return privateV4([six[6]! >> 8, six[6]! & 0xff, six[7]! >> 8, six[7]! & 0xff]);
  return (six[0]! & 0xfe00) === 0xfc00 || (six[0]! & 0xffc0) === 0xfe80;
}

/** An address's bytes as a certificate names it (4 for IPv4, 16 for IPv6), or null for what is not one. */
export function addressBytes(address: string): Uint8Array | null {
  const four = ipv4(address);
  if (four) return Uint8Array.from(four);
  const six = ipv6(address);
  return six ? Uint8Array.from(six.flatMap((g) => [g >> 8, g & 0xff])) : null;
}

/** An address as it is written in a URL's host: IPv6 in brackets. */
export const hostOf = (address: string): string => (ipv6(address) && !ipv4(address) ? `[${address}]` : address);

/**
 * The Host (and Origin) values a seat may send: each name and address the PC answers to, with
 * the port. Names are compared without case, as browsers send them lower-cased.
 */
export function allowedHosts(o: { names: readonly string[]; addresses: readonly string[]; port: number }): Set<string> {
  const hosts = [...o.names.map((n) => n.toLowerCase()), ...o.addresses.map(hostOf)];
  // On HTTPS's own port browsers leave the port out of Host and Origin.
  return new Set(hosts.flatMap((h) => (o.port === 443 ? [h, `${h}:443`] : [`${h}:${o.port}`])));
}
