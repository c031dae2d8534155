// One program per data folder: a second one is refused while the first runs, and a killed
// one's lock is taken over (the operating system lets go of it with the process).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../src-main/app';
import { lockDataFolder } from '../../../src-main/ledger/lock';
import { tempDirs } from '../../helpers/ledger';

const { fresh, cleanup } = tempDirs();
afterEach(cleanup);

function holder(dir: string) {
  // node itself (not the tsx wrapper), so the process killed is the one holding the lock.
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/scripts/hold-lock.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('held') && resolve());
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, held, gone };
}

describe('one program per data folder', () => {
  it('refuses a second start on the same folder in Chinese, and starts once the first has stopped', async () => {
    const dir = fresh();
    const first = await startCore(dir);
    await expect(startCore(dir)).rejects.toThrow(/另一个 canbao 正在使用这个数据文件夹.*进程 \d+/);
    first.stop();
    const again = await startCore(dir);
    again.stop();
  });

  it('refuses while another process holds the folder, and takes over the lock of one that was killed', async () => {
    const dir = fresh();
    const h = holder(dir);
    await h.held;
    expect(() => lockDataFolder(dir)).toThrow(`进程 ${h.child.pid}`);
    h.child.kill('SIGKILL');
    await h.gone;
    const lock = lockDataFolder(dir);
    lock.release();
  }, 30_000);
});
