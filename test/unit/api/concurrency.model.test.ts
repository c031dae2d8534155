// The model-based proof of issue 24: fixed seeds, each a few runs of up to 60 steps by 2–5
// windows, checked after every step (test/model/ledger-model.ts). One seed also injects faults:
// the ledger's disk full before a step (a small tmpfs, root only), or the import thread killed
// wherever it is. A failing seed prints the shortest step list that replays it; `npm run soak`
// runs many more.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { property, stats } from '../../model/ledger-model';
import { smallDisk } from '../../helpers/tmpfs';

// 1011 once found a roster undo that could not delete a person whose payment had been undone.
const SEEDS = [20261206, 7, 4242, 1011];

const { dir: disk, mounted, remove } = smallDisk('canbao-model-disk-');
if (!mounted) console.warn('跳过磁盘写满的并发模型测试：这台机器不能挂载 tmpfs（需要 root）。');
afterAll(remove);

const run = async (seed: number, onDisk: string | null, steps = 60) => {
  for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] = 0;
  // Shrinking reruns whole ledgers: it stops after two minutes with the shortest list found by then.
  await fc.assert(property(steps, onDisk), { seed, numRuns: 3, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true });
  console.log(`seed ${seed}${onDisk ? '（磁盘写满故障）' : ''}: ${JSON.stringify(stats)}`);
};

describe('two to five windows at once, against a reference model', () => {
  for (const seed of SEEDS) it(`holds every invariant after every step (seed ${seed})`, () => run(seed, null), 240_000);
  // 5016 once found a commit of a dry run with nothing to write answering so, though the ledger had changed under it;
  // 7003 an undo stopped by a full disk that still ended every open dry run; 8005 a login answered
  // as failed on a full disk that left the window logged in; 601278574 (the soak's, so with its 80
  // steps) a restore on a full disk refused as if the backup were no ledger, because reading it
  // needed room on the disk.
  for (const [seed, steps] of [
    [2412, 60],
    [5016, 60],
    [7003, 60],
    [8005, 60],
    [601278574, 80],
  ] as const)
    it.skipIf(!mounted)(`holds them with the disk full, or the import thread killed, before some steps (seed ${seed})`, () => run(seed, disk, steps), 240_000);
});
