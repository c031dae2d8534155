// What the screens see of the office LAN (issue 30): the main PC's side (设置 → 多台电脑) and a
// seat's (连接所里的主电脑).

export interface Seat {
  id: number;
  name: string;
  pairedAt: string;
  pairedFrom: string;
  /** When it last asked anything of the main PC, and from where (null: not since pairing). */
  lastSeenAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface NetworkInterfaceChoice {
  name: string;
  /** Its private addresses (the only ones the main PC answers on). */
  addresses: string[];
}

export interface LanStatus {
  /** False where this build cannot serve the LAN (a seat's own window, tests without it). */
  available: boolean;
  enabled: boolean;
  interface: string;
  /** What the main PC listens on now: empty when off or when the interface has no private address. */
  listening: string[];
  /** The addresses seats type (https://…:port/) and the PC's name. */
  urls: string[];
  port: number;
  /** The certificate's fingerprint in short form (what the seat's screen shows to compare). */
  fingerprint: string | null;
  certificateUntil: string | null;
  /** Why it is not listening though turned on, in Chinese (the interface gone, the port taken). */
  problem: string | null;
  interfaces: NetworkInterfaceChoice[];
  /** The code on show and when it stops working, or null. */
  pairing: { code: string; until: string } | null;
  seats: Seat[];
}

/** What a seat's PC saw when it asked the main PC for its certificate. */
export interface SeenMainPc {
  url: string;
  fingerprint: string;
  pin: string;
  names: string[];
  /** The key this PC was connected to before (the main PC at a new address): nothing to compare again. */
  known: boolean;
}
