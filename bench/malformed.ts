// The malformed corpus (test/fixtures/malformed): each file read in its own process with a
// time and heap bound, reporting how it ended, its time and peak memory, and the worst.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, report } from './util';

interface Case {
  file: string;
  expect: 'rows' | 'refuse';
}
interface Read {
  outcome: string;
  rows: number;
  ms: number;
  peakMb: number;
  message: string;
}

const CORPUS = 'test/fixtures/malformed';
const TIMEOUT_MS = 60_000;

export function benchMalformed(): void {
  const cases = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as Case[];
  console.log(`\n== Malformed corpus: ${cases.length} files (${cases.filter((c) => c.expect === 'refuse').length} hostile) ==`);
  const reads: (Read & Case)[] = [];
  let hung = 0;
  let died = 0;
  for (const c of cases) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', 'bench/malformed-read.ts', path.join(CORPUS, c.file)], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    if (r.error || r.signal) {
      if (r.signal === 'SIGKILL') hung++;
      else died++;
      report(`${c.file}: ${r.signal === 'SIGKILL' ? `no answer in ${TIMEOUT_MS / 1000} s` : `died (${r.signal ?? r.error?.message})`}`);
      continue;
    }
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    try {
      reads.push({ ...(JSON.parse(line) as Read), ...c });
    } catch {
      died++;
      report(`${c.file}: died (exit ${r.status}) ${r.stderr.split('\n')[0] ?? ''}`);
    }
  }
  const as = (o: string) => reads.filter((x) => x.outcome === o);
  const wrong = reads.filter((x) => (x.expect === 'refuse') !== (x.outcome === 'refused'));
  report(
    `refused in Chinese ${as('refused').length}, read ${as('rows').length}, raw exceptions ${as('raw').length}, no answer ${hung}, died ${died}; not as expected: ${wrong.map((w) => w.file).join(', ') || 'none'}`,
  );
  const byTime = [...reads].sort((a, b) => b.ms - a.ms);
  const byPeak = [...reads].sort((a, b) => b.peakMb - a.peakMb);
  report(
    `read time: median ${median(reads.map((x) => x.ms)).toFixed(0)} ms, worst ${byTime
      .slice(0, 3)
      .map((x) => `${x.file} ${x.ms.toFixed(0)} ms`)
      .join(', ')}`,
  );
  report(
    `peak memory (VmHWM of the reading process): median ${median(reads.map((x) => x.peakMb)).toFixed(0)} MB, worst ${byPeak
      .slice(0, 3)
      .map((x) => `${x.file} ${x.peakMb.toFixed(0)} MB`)
      .join(', ')}`,
  );
  for (const x of reads)
    report(`${x.file.padEnd(30)} ${x.outcome.padEnd(8)} ${x.ms.toFixed(0).padStart(5)} ms ${x.peakMb.toFixed(0).padStart(4)} MB  ${x.message.slice(0, 60)}`);
}
