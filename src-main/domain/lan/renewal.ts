// When the main PC makes its LAN certificate again (issue 30): when it has none, when the PC
// answers to a name or address the certificate does not name (DHCP gave it a new one), or a month
// before it runs out. The key stays, so seats stay paired through all of these.
import { addressBytes } from './addresses';

export const RENEW_DAYS_BEFORE = 30;

export interface Named {
  names: readonly string[];
  addresses: readonly string[];
}

export type Renewal = null | 'none' | 'names' | 'expiring';

/** Why a new certificate is needed (null: the one there will do). Names are compared without case. */
export function renewalNeeded(have: (Named & { notAfter: Date }) | null, want: Named, now: Date): Renewal {
  if (!have) return 'none';
  const names = new Set(have.names.map((n) => n.toLowerCase()));
  // Addresses by their bytes: Node writes fe80::1 as FE80:0:0:0:0:0:0:1.
  const bytes = (a: string) => addressBytes(a)?.join('.') ?? a.toLowerCase();
  const addresses = new Set(have.addresses.map(bytes));
  if (!want.names.every((n) => names.has(n.toLowerCase())) || !want.addresses.every((a) => addresses.has(bytes(a)))) return 'names';
  if (have.notAfter.getTime() - now.getTime() < RENEW_DAYS_BEFORE * 86_400_000) return 'expiring';
  return null;
}

/** The names and addresses of a certificate as Node's X509Certificate.subjectAltName says them. */
export function namedIn(subjectAltName: string | undefined): Named {
  const names: string[] = [];
  const addresses: string[] = [];
  for (const part of (subjectAltName ?? '').split(', ')) {
    if (part.startsWith('DNS:')) names.push(part.slice(4));
    else if (part.startsWith('IP Address:')) addresses.push(part.slice(11));
  }
  return { names, addresses };
}
