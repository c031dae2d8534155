import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { seedVillages, writeRosterXlsx } from '../../../bench/synthetic-files';

let t: TestLedger;
let dir: string;
let file: string;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-jobs-');
  seedVillages(t.ctx.db);
  file = path.join(dir, 'roster.xlsx');
  await writeRosterXlsx(file, 20_000);
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

describe('long imports', () => {
  it('report progress, keep the event loop free, and refuse other changes while committing', async () => {
    let preview!: Awaited<ReturnType<typeof t.ok<'import.preview'>>>;
    const seen: number[] = [];
    const poll = setInterval(() => {
      void t.call('jobs.get', { jobId: 'p1' }).then((r) => r.ok && seen.push(r.value.done));
    }, 20);
    const stallPreview = await longestStall(async () => {
      preview = await t.ok('import.preview', { kind: 'roster', file, jobId: 'p1' });
    });
    clearInterval(poll);
    expect(preview.counts).toMatchObject({ add: 20_000 });
    expect(new Set(seen).size).toBeGreaterThan(2);

    let refused: unknown;
    const stallCommit = await longestStall(async () => {
      const commit = t.ok('import.commit', { token: preview.token, jobId: 'c1' });
      await new Promise((r) => setTimeout(r, 30));
      refused = await t.call('villages.add', { code: '900', name: '导入中新村' });
      await commit;
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('正在导入') } });
    expect(await t.ok('jobs.get', { jobId: 'c1' })).toMatchObject({ finished: true, phase: '整理台账文件' });
    expect(t.ctx.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(20_000);
    // Generous for a loaded CI machine; the design target is 100 ms.
    expect(stallPreview).toBeLessThan(250);
    expect(stallCommit).toBeLessThan(250);
  }, 120_000);

  it('can be cancelled, leaving nothing behind, and the ledger takes changes again', async () => {
    const preview = await t.ok('import.preview', { kind: 'roster', file });
    // Cancelled before the worker has begun: it stops at its first step and writes nothing.
    const commit = t.call('import.commit', { token: preview.token, jobId: 'c2' });
    await t.ok('jobs.cancel', { jobId: 'c2' });
    expect(await commit).toMatchObject({ ok: false, error: { message: '已取消，数据未被修改。' } });
    expect(t.ctx.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
    expect(t.ctx.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    await t.ok('villages.add', { code: '901', name: '取消后新村' });
    // The checked rows are still there: the clerk can commit after all.
    const again = await t.ok('import.commit', { token: preview.token });
    expect(again.counts).toMatchObject({ add: 20_000 });
  }, 120_000);

  it('can be cancelled while reading, with a Chinese answer', async () => {
    const read = t.call('import.preview', { kind: 'roster', file, jobId: 'p2' });
    await t.ok('jobs.cancel', { jobId: 'p2' });
    expect(await read).toMatchObject({ ok: false, error: { message: '已取消，数据未被修改。' } });
  }, 120_000);

  it('says so in Chinese when the import thread runs out of memory, and changes nothing', async () => {
    // A heap far too small for the thread: Node ends it as it would a roster too big for the PC.
    t.ctx.importWorker = { ...t.ctx.importWorker!, maxHeapMb: 8 };
    const r = await t.call('import.preview', { kind: 'roster', file });
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', field: 'file' } });
    if (!r.ok) expect(r.error.message).toMatch(/^处理这个文件时内存不够/);
    expect(t.ctx.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
  }, 120_000);

  it('stops a department list read on this thread promptly when cancelled mid-file', async () => {
    // 300,000 rows (~12 MB): read on the main thread in bounded steps, the cancel seen between them.
    const list = path.join(dir, '低保名单.csv');
    const lines = ['姓名,身份证号,人员类别'];
    for (let i = 0; i < 300_000; i++) lines.push(`某${i},500235196005${String(i).padStart(6, '0')},城乡低保对象`);
    fs.writeFileSync(list, lines.join('\r\n'));
    const started = performance.now();
    const read = t.call('import.preview', { kind: 'categories', file: list, jobId: 'p3', options: { department: 'civil_affairs' } });
    // Cancelled once the read is under way.
    for (let i = 0; i < 500; i++) {
      const j = await t.call('jobs.get', { jobId: 'p3' });
      if (j.ok && j.value.done > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await t.ok('jobs.cancel', { jobId: 'p3' });
    const cancelledAt = performance.now();
    expect(await read).toMatchObject({ ok: false, error: { message: '已取消，数据未被修改。' } });
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
