// The seats paired with this main PC (migration 020) and whether it serves the LAN. A seat's
// token is kept only as its SHA-256: a copy of the ledger does not let anyone in.
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Seat } from '../types/lan';
import { sql } from './statements';

interface SeatRow {
  id: number;
  name: string;
  paired_at: string;
  paired_from: string;
  last_seen_at: string | null;
  last_address: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

const toSeat = (r: SeatRow): Seat => ({
  id: r.id,
  name: r.name,
  pairedAt: r.paired_at,
  pairedFrom: r.paired_from,
  lastSeenAt: r.last_seen_at,
  lastAddress: r.last_address,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

const COLUMNS = 'id, name, paired_at, paired_from, last_seen_at, last_address, revoked_at, revoked_by';

export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function listSeats(db: Database): Seat[] {
  return (sql(db, `SELECT ${COLUMNS} FROM seats ORDER BY revoked_at IS NOT NULL, id`).all() as SeatRow[]).map(toSeat);
}

export function getSeat(db: Database, id: number): Seat | undefined {
  const r = sql(db, `SELECT ${COLUMNS} FROM seats WHERE id = ?`).get(id) as SeatRow | undefined;
  return r && toSeat(r);
}

/** The seat a token belongs to (revoked ones too, so the answer can say so), or undefined. */
export function seatByToken(db: Database, token: string): Seat | undefined {
  const r = sql(db, `SELECT ${COLUMNS} FROM seats WHERE token_hash = ?`).get(tokenHash(token)) as SeatRow | undefined;
  return r && toSeat(r);
}

export function addSeat(db: Database, s: { name: string; token: string; at: string; from: string }): Seat {
  const id = Number(
    sql(db, 'INSERT INTO seats (name, token_hash, paired_at, paired_from) VALUES (?, ?, ?, ?)').run(s.name, tokenHash(s.token), s.at, s.from).lastInsertRowid,
  );
  return getSeat(db, id)!;
}

export function renameSeat(db: Database, id: number, name: string): void {
  sql(db, 'UPDATE seats SET name = ? WHERE id = ?').run(name, id);
}

export function revokeSeat(db: Database, id: number, at: string, by: string): void {
  sql(db, 'UPDATE seats SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(at, by, id);
}

/** Not audited: being seen changes nothing the office keeps, and it happens all day. */
export function seatSeen(db: Database, id: number, at: string, address: string): void {
  sql(db, 'UPDATE seats SET last_seen_at = ?, last_address = ? WHERE id = ?').run(at, address, id);
}

export interface LanSetting {
  enabled: boolean;
  interface: string;
}

export function getLanSetting(db: Database): LanSetting {
  const r = sql(db, 'SELECT enabled, interface FROM lan_settings WHERE id = 1').get() as { enabled: number; interface: string };
  return { enabled: r.enabled === 1, interface: r.interface };
}

export function setLanSetting(db: Database, s: LanSetting): void {
  sql(db, 'UPDATE lan_settings SET enabled = ?, interface = ? WHERE id = 1').run(s.enabled ? 1 : 0, s.interface);
}

/** The office's PCs as they are paired now, tokens' hashes included: what a restored ledger keeps. */
export interface SeatsNow {
  seats: Record<string, unknown>[];
  setting: LanSetting;
}

export function seatsNow(db: Database): SeatsNow {
  return { seats: db.prepare('SELECT * FROM seats ORDER BY id').all() as Record<string, unknown>[], setting: getLanSetting(db) };
}

/**
 * After a restore: the PCs paired and revoked are today's, not the backup's (a seat revoked since
 * the backup must stay out; one paired since stays in), and so is whether the LAN is on.
 */
export function keepSeats(db: Database, now: SeatsNow): void {
  db.prepare('DELETE FROM seats').run();
  const insert = db.prepare(
    'INSERT INTO seats (id, name, token_hash, paired_at, paired_from, last_seen_at, last_address, revoked_at, revoked_by) VALUES (@id, @name, @token_hash, @paired_at, @paired_from, @last_seen_at, @last_address, @revoked_at, @revoked_by)',
  );
  for (const s of now.seats) insert.run(s);
  setLanSetting(db, now.setting);
}
