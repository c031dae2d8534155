import type { Migration } from './migration';

export const m020Seats: Migration = {
  version: 20,
  name: '多台电脑：配对的座席与主电脑的局域网设置',
  up(db) {
    // Issue 30: the other PCs of the office (seats) work on this ledger over the LAN. A seat is
    // known by its token, kept here only as its SHA-256; revoking keeps the row, so the audit's
    // seat names stay readable. The LAN setting lives in the ledger so that the main PC listens
    // again after a restart, on the interface the admin chose.
    db.exec(`
      CREATE TABLE seats (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        paired_at TEXT NOT NULL,
        paired_from TEXT NOT NULL,
        last_seen_at TEXT,
        last_address TEXT,
        revoked_at TEXT,
        revoked_by TEXT
      ) STRICT;
      CREATE TABLE lan_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
        -- the network interface's name as the system gives it ('以太网', 'eth0')
        interface TEXT NOT NULL DEFAULT ''
      ) STRICT;
      INSERT INTO lan_settings (id) VALUES (1);
    `);
  },
};
