// A village as the files write it: its committee's full name, its short name, or exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { villageMatcher } from '../../../src-main/imports/roster';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

let t: TestLedger;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = openTestLedger();
  for (const [i, name] of ['新田村', '农坝社区', '团结村', '团结社区', '双河村'].entries())
    ids[name] = (await t.ok('villages.add', { code: String(i + 1).padStart(3, '0'), name })).id;
});
afterAll(() => t.close());

describe('village names in files', () => {
  it.each([
    ['新田村', '新田村'],
    ['新田村村民委员会', '新田村'],
    ['新田村委会', '新田村'],
    ['新田', '新田村'],
    [' 新田村 ', '新田村'],
    ['农坝社区居民委员会', '农坝社区'],
    ['农坝居委会', '农坝社区'],
    ['农坝', '农坝社区'],
    ['团结村村民委员会', '团结村'],
    ['团结社区居民委员会', '团结社区'],
    // 团结 alone is 团结村 or 团结社区: not a guess the ledger makes.
    ['团结', null],
    ['团结村民委员会', '团结村'],
    ['红岩村', null],
  ])('%s → %s', (written, village) => expect(villageMatcher(t.ctx.db)(written) ?? null).toBe(village === null ? null : ids[village]));
});
