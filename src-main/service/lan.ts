// What the handlers may ask of the main PC's LAN side (issue 30), which the host that serves it
// (the browser host, the desktop shell) puts in the context. Absent: this canbao cannot serve
// the LAN (a test's context, the CLI).
import type { Redeemed } from '../domain/lan/pairing';
import type { LanStatus } from '../types/lan';

export type LanState = Omit<LanStatus, 'available' | 'enabled' | 'interface' | 'seats'>;

export interface LanControl {
  /** Listens, or stops, or moves to other addresses, as the ledger's setting now says. */
  apply(): void;
  /** What it listens on now (after any change still under way). */
  state(): Promise<LanState>;
  /** A new one-time code; the one before stops working. */
  showCode(now: number): { code: string; until: string };
  /** A seat's typed code: the code is spent by a right one, and by too many wrong ones. */
  redeem(typed: string, now: number): Redeemed;
  /** The certificate seats' browsers may install (never the key), or null while not serving. */
  certificatePem(): string | null;
  /** This PC's own key as seats pin it, or null while it has not served. */
  pin(): string | null;
}

/** The caller key of a PC pairing from `address` (the LAN's /pair): only it may call lan.pair. */
export const pairingCaller = (address: string) => `pair:${address}`;

export function pairingAddress(key: string): string | null {
  return key.startsWith('pair:') ? key.slice(5) : null;
}
