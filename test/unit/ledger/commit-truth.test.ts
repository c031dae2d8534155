// The truth after a failed import commit: on a real small filesystem filled to each of a sweep of
// points, the answer says whether the import landed (read back from the ledger, never assumed),
// and a retry of a landed commit says it landed instead of refusing or writing it twice.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, handlers } from '../../../src-main/api/index';
import { startCore, type Started } from '../../../src-main/app';
import { idFor } from '../../helpers/people';
import { smallDisk } from '../../helpers/tmpfs';

const KB = 1024;
const { dir: root, mounted: canMount, remove } = smallDisk('canbao-truth-');
if (!canMount) console.warn('跳过导入时磁盘写满的测试：这台机器不能挂载 tmpfs（需要 root）。');
afterAll(remove);

const free = () => {
  const s = fs.statfsSync(root);
  return s.bavail * s.bsize;
};

describe.skipIf(!canMount)('a full disk at an import commit', () => {
  it('answers, for every point the disk fills at, what the ledger holds; a landed commit retried says it landed', async () => {
    const csv = path.join(os.tmpdir(), `canbao-truth-${process.pid}.csv`);
    const rows = Array.from({ length: 4000 }, (_, i) => `甲村,H${i},居民${i},${idFor(`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, 1 + ((i * 7) % 997))}`);
    fs.writeFileSync(csv, '村（社区）,户号,姓名,身份证号\r\n' + [...new Set(rows)].join('\r\n'));
    const outcomes = new Set<string>();
    try {
      for (const leave of [16 * KB, 256 * KB, 768 * KB, 1536 * KB, 2560 * KB, 4096 * KB, 8192 * KB]) {
        const data = path.join(root, `d${leave}`);
        const started: Started = await startCore(data);
        const call = (name: string, arg: unknown) => dispatch(handlers, started.ctx, name, arg);
        try {
          await call('villages.add', { code: '1', name: '甲村' });
          const preview = await call('import.preview', { kind: 'roster', file: csv });
          expect(preview.ok).toBe(true);
          const token = (preview as { value: { token: string } }).value.token;
          const filler = path.join(root, 'filler.bin');
          execFileSync('fallocate', ['-l', String(Math.max(0, free() - leave)), filler]);
          const r = await call('import.commit', { token });
          fs.rmSync(filler);
          const batches = started.ctx.db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number;
          const persons = started.ctx.db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
          expect(started.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
          if (r.ok) {
            // Landed: all of it, and said so (with what went wrong after it, when something did).
            expect([batches, persons]).toEqual([1, rows.length]);
            const note = (r.value as { note?: string }).note;
            outcomes.add(note ? 'landed, then the disk filled' : 'landed');
            if (note) expect(note).toMatch(/^导入已经写入台账；之后整理台账文件时出错（磁盘空间已满）/);
            const again = await call('import.commit', { token });
            expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^这次导入已经写入台账（第 1 批/) } });
          } else {
            // Not landed: none of it, and said so; with room again, the same dry run commits.
            outcomes.add('refused');
            expect(r.error.message).toMatch(/磁盘空间已满.*台账仍是导入前的样子/);
            expect([batches, persons]).toEqual([0, 0]);
            expect(await call('import.commit', { token })).toMatchObject({ ok: true });
          }
        } finally {
          started.stop();
        }
      }
    } finally {
      fs.rmSync(csv, { force: true });
    }
    console.log(`导入时磁盘写满：${[...outcomes].join('、')}`);
    expect(outcomes.has('refused')).toBe(true);
    expect(outcomes.has('landed')).toBe(true);
  }, 300_000);
});
