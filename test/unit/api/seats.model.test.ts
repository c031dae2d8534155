// Issue 30: the model-based proof of "two clerks at once" (test/model/ledger-model.ts) with five
// seats on the office LAN, each paired and calling the main PC over HTTPS across a veth pair into
// a network namespace (a second loopback address where none can be made): uploads, retries under
// a key, logins and restores as a seat makes them, every invariant checked after every step.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { property, stats } from '../../model/ledger-model';

describe('five seats over HTTPS, against the reference model', () => {
  it('holds every invariant after every step (seed 30)', async () => {
    for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] = 0;
    await fc.assert(property(60, null, 5), { seed: 30, numRuns: 5, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true });
    console.log(`五台座席：${JSON.stringify(stats)}`);
  }, 240_000);
});
