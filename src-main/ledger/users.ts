import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { SessionUser } from '../types/office';
import { sql } from './statements';

// scrypt with N=2^15: ~50 ms a login on an office PC, slow enough to make guessing costly.
const N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** scrypt on libuv's thread pool: the main thread answers other calls while a hash runs. */
function scrypt(password: string, salt: Buffer, keylen: number, opts: crypto.ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, keylen, { ...opts, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Checked against for a username that does not exist, so a login costs one scrypt whether the
 * name exists or not (105 ms against 2 ms told them apart). Its key is random bytes, not the
 * hash of any password, so nothing matches it.
 */
export const DUMMY_HASH = 'scrypt$32768$8$1$W8peKPNh3zlElpn1k5uZHQ==$LCDUFQgHQkNKuXZjPzEtQM4zXJwPPjcunZ/tx6W1ctE=';

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(got, expected);
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: 'admin' | 'clerk';
  password_hash: string;
  disabled: number;
}

export interface UserRecord extends SessionUser {
  disabled: boolean;
  passwordHash: string;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  passwordHash: r.password_hash,
});

export function findUser(db: Database, username: string): UserRecord | undefined {
  const r = sql(db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return r && toUser(r);
}

export function getUser(db: Database, id: number): UserRecord | undefined {
  const r = sql(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r && toUser(r);
}

export function listUsers(db: Database): UserRecord[] {
  return (sql(db, 'SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser);
}

/** Once an active user exists, every call but logging in needs one. */
export const hasActiveUsers = (db: Database): boolean => sql(db, 'SELECT 1 FROM users WHERE disabled = 0 LIMIT 1').get() !== undefined;

export function countUsers(db: Database): number {
  return sql(db, 'SELECT count(*) FROM users').pluck().get() as number;
}

/** `passwordHash` from `hashPassword`, made before the transaction (a hash takes ~50–180 ms). */
export function insertUser(db: Database, u: { username: string; displayName: string; role: 'admin' | 'clerk'; passwordHash: string }, at: string): UserRecord {
  const info = sql(db, 'INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
    u.username,
    u.displayName,
    u.role,
    u.passwordHash,
    at,
  );
  return getUser(db, Number(info.lastInsertRowid))!;
}

export function setPasswordHash(db: Database, id: number, passwordHash: string): void {
  sql(db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

export function setDisabled(db: Database, id: number, disabled: boolean): void {
  sql(db, 'UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
}

export const publicUser = (u: UserRecord): SessionUser & { disabled: boolean } => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
});

/** Login names as people read them (李经办, not clerk), each looked up once per call site. */
export function displayNames(db: Database): (login: string) => string {
  const names = new Map<string, string>();
  return (login) => names.get(login) ?? names.set(login, findUser(db, login)?.displayName ?? login).get(login)!;
}
