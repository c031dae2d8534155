// Which main PC this PC connects to as a seat (issue 30), kept in the data folder's lan/: the
// address and the pinned key. The desktop shell opens it at start; a look at another address
// that shows the same key is the same main PC, found again (DHCP), and needs no new comparing.
import fs from 'node:fs';
import path from 'node:path';
import { seatTarget, type SeatTarget } from '../domain/lan/seat-target';

const SEAT_FILE = (dataDir: string) => path.join(dataDir, 'lan', 'seat.json');
/** The one given up on (the clerk chose this PC's own ledger): still the key and cookie to carry to a new address. */
const LAST_FILE = (dataDir: string) => path.join(dataDir, 'lan', 'seat.last.json');

function readTarget(file: string): SeatTarget | null {
  try {
    const { url, pin } = JSON.parse(fs.readFileSync(file, 'utf8')) as { url: string; pin: string };
    const t = seatTarget(url, pin);
    return t.ok ? t.target : null;
  } catch {
    return null;
  }
}

/** The main PC this PC connects to at start instead of opening its own ledger, if any. */
export const rememberedSeat = (dataDir: string) => readTarget(SEAT_FILE(dataDir));

/** The main PC this PC was connected to last, given up on or not. */
export const lastSeat = (dataDir: string) => readTarget(SEAT_FILE(dataDir)) ?? readTarget(LAST_FILE(dataDir));

export function rememberSeat(dataDir: string, t: SeatTarget): void {
  fs.mkdirSync(path.dirname(SEAT_FILE(dataDir)), { recursive: true });
  fs.writeFileSync(SEAT_FILE(dataDir), JSON.stringify({ url: t.url, pin: t.pin }));
}

export function forgetSeat(dataDir: string): void {
  if (fs.existsSync(SEAT_FILE(dataDir))) fs.renameSync(SEAT_FILE(dataDir), LAST_FILE(dataDir));
}
