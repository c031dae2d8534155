// npm run soak -- [--minutes 10] [--seed N] [--steps 80]: the model-based concurrency test for as
// long as asked, seed after seed; prints the figures, and for a failing seed the shortest step
// list that replays it (with the seed and path to replay it exactly).
import fc from 'fast-check';
import { property, stats } from './ledger-model';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const minutes = arg('minutes', 10);
const steps = arg('steps', 80);
let seed = arg('seed', Date.now() % 1_000_000_007);
const until = Date.now() + minutes * 60_000;
const started = Date.now();
let seeds = 0;
let runs = 0;
const quiet = console.error;
while (Date.now() < until) {
  console.error = () => {};
  const out = await fc.check(property(steps), { seed, numRuns: 5 });
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
const min = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `${min} 分钟：${seeds} 个种子，${runs} 次运行，${stats.steps} 步，${stats.checks} 次全量核对；` +
    `按模型应拒绝而拒绝 ${stats.refusedAsModelSaid} 次，确认导入 ${stats.committed} 次，撤销 ${stats.undone} 次，恢复备份 ${stats.restored} 次`,
);
