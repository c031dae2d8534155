// The audit log: every change, who made it, and the row before and after. Each entry's
// hash covers the previous entry's hash, so editing, deleting or reordering entries in the
// file behind the app's back breaks the chain, and the break is reported on start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { sql } from './statements';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

function entryHash(
  prev: string,
  at: string,
  actor: string,
  action: string,
  entity: string,
  entityId: string,
  before: string | null,
  after: string | null,
): string {
  // A separator that cannot occur in JSON text or in our identifiers.
  return crypto
    .createHash('sha256')
    .update([prev, at, actor, action, entity, entityId, before ?? '', after ?? ''].join('\u0000'))
    .digest('hex');
}

export function appendAudit(db: Database, e: AuditEntry, at: string): void {
  const prev = (sql(db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS;
  const before = e.before === undefined ? null : JSON.stringify(e.before);
  const after = e.after === undefined ? null : JSON.stringify(e.after);
  const id = String(e.entityId);
  sql(db, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    at,
    e.actor,
    e.action,
    e.entity,
    id,
    before,
    after,
    prev,
    entryHash(prev, at, e.actor, e.action, e.entity, id, before, after),
  );
}

export interface AuditCheck {
  intact: boolean;
  entries: number;
  /** Chinese, for the clerk, when the chain is broken. */
  problem: string | null;
}

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHead {
  lastId: number;
  hash: string;
}

// The chain cannot show that its last entries were cut off, so the head is also kept
// beside the ledger; a ledger whose chain ends before that head lost entries.
const HEAD_FILE = 'audit-head.json';

export function auditHead(db: Database): AuditHead | null {
  const r = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return r ? { lastId: r.id, hash: r.hash } : null;
}

export function readAuditHead(dataDir: string): AuditHead | null {
  try {
    const h = JSON.parse(fs.readFileSync(path.join(dataDir, HEAD_FILE), 'utf8')) as AuditHead;
    return typeof h.lastId === 'number' && typeof h.hash === 'string' ? h : null;
  } catch {
    return null;
  }
}

export function writeAuditHead(dataDir: string, head: AuditHead | null): void {
  const file = path.join(dataDir, HEAD_FILE);
  if (!head) return fs.rmSync(file, { force: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(head));
  fs.renameSync(`${file}.tmp`, file);
}

export function verifyAudit(db: Database, expectedHead: AuditHead | null = null): AuditCheck {
  let prev = GENESIS;
  let entries = 0;
  for (const r of sql(db, 'SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<Row>) {
    entries++;
    const broken = r.prev_hash !== prev || r.hash !== entryHash(r.prev_hash, r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json);
    if (broken) {
      const where = r.prev_hash !== prev ? `第 ${r.id} 条之前的记录被删除或改动过` : `第 ${r.id} 条记录（${r.at}，${r.actor}，${r.action}）的内容被改动过`;
      return { intact: false, entries, problem: `审计日志校验失败：${where}。台账文件可能在程序之外被修改，请联系管理员核查并考虑从备份恢复。` };
    }
    prev = r.hash;
  }
  if (expectedHead) {
    const at = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(expectedHead.lastId) as string | undefined;
    if (at !== expectedHead.hash) {
      return {
        intact: false,
        entries,
        problem: `审计日志校验失败：最后记录到的第 ${expectedHead.lastId} 条已不在台账中，日志末尾的记录被删除或改动过。台账文件可能在程序之外被修改，请联系管理员核查并考虑从备份恢复。`,
      };
    }
  }
  return { intact: true, entries, problem: null };
}
