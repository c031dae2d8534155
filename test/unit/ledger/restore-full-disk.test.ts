// A restore on a full disk (a real small tmpfs, root only), as the soak's seed 601278574 found:
// a backup in WAL mode cannot even be read there (SQLite wants room for its shared memory), and
// that was answered as if the backup file were no ledger at all. It must be refused in Chinese as
// the disk's trouble, with the ledger as it was, and the same backup restore once there is room.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir } from '../../../src-main/ledger/backup';
import { openTestLedger } from '../../helpers/ledger';
import { smallDisk } from '../../helpers/tmpfs';

const { dir: disk, mounted, remove } = smallDisk('canbao-restore-disk-', '64m');
if (!mounted) console.warn('跳过磁盘写满时恢复备份的测试：这台机器不能挂载 tmpfs（需要 root）。');
afterAll(remove);

/** Fills the disk but for `leave` bytes; gives back what frees it. */
function fill(leave: number): () => void {
  const filler = path.join(disk, 'filler.bin');
  const s = fs.statfsSync(disk);
  execFileSync('fallocate', ['-l', String(Math.max(4096, s.bavail * s.bsize - leave)), filler]);
  return () => fs.rmSync(filler, { force: true });
}

describe.skipIf(!mounted)('restoring a backup on a full disk', () => {
  it('refuses with the disk named and the ledger as it was, and restores once there is room', async () => {
    const t = openTestLedger('2023-11-10T02:00:00Z', fs.mkdtempSync(path.join(disk, 'ledger-')));
    try {
      await t.ok('villages.add', { code: '001', name: '备份前村' });
      const b = await t.ok('backup.create', {});
      await t.ok('villages.add', { code: '002', name: '备份后村' });
      const files = () => [...fs.readdirSync(t.ctx.dataDir), ...fs.readdirSync(backupDir(t.ctx.dataDir))].filter((f) => !/-(wal|shm)$/.test(f)).sort();
      const before = files();
      for (const leave of [0, 16 * 1024, 96 * 1024, 1024 * 1024]) {
        const free = fill(leave);
        let r;
        try {
          r = await t.call('backup.restore', { file: b.file });
        } finally {
          free();
        }
        expect(r, `只剩 ${leave} 字节`).toMatchObject({ ok: false, error: { code: 'unavailable' } });
        if (!r.ok) expect(r.error.message).toMatch(/没有恢复，台账仍是恢复前的样子。/);
        // Nothing half-written: no copy of the backup, no backup of the ledger, the ledger whole.
        expect(files()).toEqual(before);
        expect(t.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((await t.ok('villages.list', {})).map((v) => v.name)).toEqual(['备份前村', '备份后村']);
      }
      expect(await t.call('backup.restore', { file: b.file })).toMatchObject({ ok: true });
      expect((await t.ok('villages.list', {})).map((v) => v.name)).toEqual(['备份前村']);
    } finally {
      t.close();
    }
  }, 60_000);
});
