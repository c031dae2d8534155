import { quote } from '../src-main/domain/policy/quote';
import type { Policy } from '../src-main/domain/policy/schema';
import { syntheticFacts } from './synthetic';
import { median, report, timed } from './util';

export function benchQuotes(policies: Policy[], n: number, runs: number): void {
  console.log(`\n== quote: ${n.toLocaleString()} synthetic persons per policy, ${runs} runs, one core ==`);
  for (const p of policies) {
    const facts = syntheticFacts(n, p.coverageYear);
    let eligible = 0;
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      eligible = 0;
      times.push(
        timed(() => {
          for (let i = 0; i < facts.length; i++) if (quote(p, facts[i]).eligible) eligible++;
        }),
      );
    }
    const m = median(times);
    report(
      `${p.id.padEnd(24)} median ${(m / 1000).toFixed(2)} s  ${Math.round(n / (m / 1000)).toLocaleString()} quotes/s  (min ${(Math.min(...times) / 1000).toFixed(2)} s, ${((eligible / n) * 100).toFixed(0)}% eligible)`,
    );
  }
}
