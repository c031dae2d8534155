// npm run soak -- [--minutes 10] [--seed N] [--steps 80] [--faults]: the model-based concurrency
// test for as long as asked, seed after seed; prints the figures, and for a failing seed the
// shortest step list that replays it (with the seed and path to replay it exactly). --faults puts
// the ledgers on a small tmpfs (root only) and fills it, or kills the import thread, now and then.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { property, stats } from './ledger-model';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const minutes = arg('minutes', 10);
const steps = arg('steps', 80);
let seed = arg('seed', Date.now() % 1_000_000_007);
let disk: string | null = null;
if (process.argv.includes('--faults')) {
  disk = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-soak-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600m', 'tmpfs', disk]);
}
const until = Date.now() + minutes * 60_000;
const started = Date.now();
let seeds = 0;
let runs = 0;
const quiet = console.error;
while (Date.now() < until) {
  console.error = () => {};
  const out = await fc.check(property(steps, disk), { seed, numRuns: 5 });
  console.error = quiet;
  seeds++;
  runs += out.numRuns;
  if (out.failed) {
    console.log(`seed ${seed} 失败（第 ${out.numRuns} 次运行）。最短的重现步骤：`);
    console.log(fc.defaultReportMessage(out));
    process.exitCode = 1;
    break;
  }
  seed++;
}
if (disk) {
  execFileSync('umount', ['-l', disk]);
  fs.rmSync(disk, { recursive: true, force: true });
}
const min = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `${min} 分钟：${seeds} 个种子，${runs} 次运行，${stats.steps} 步，${stats.checks} 次全量核对；` +
    `按模型应拒绝而拒绝 ${stats.refusedAsModelSaid} 次，确认导入 ${stats.committed} 次，撤销 ${stats.undone} 次，恢复备份 ${stats.restored} 次；` +
    `注入故障：磁盘写满 ${stats.diskFaults} 次、杀掉导入线程 ${stats.workersKilled} 次，因故障如实拒绝 ${stats.refusedForFault} 次`,
);
