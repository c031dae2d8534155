// A read asked once for all who want it, on a real ledger behind the renderer's door (the
// Electron bridge's place, answered by the real handler map): a second screen joins a read on
// its way; nothing is joined across a write; the login's reads ahead are the very reads 工作台
// makes, and the screen takes them once without asking again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName } from '../../../src-main/api/contract';
import { invoke } from '../../../src-renderer/api';
import { ask, askAhead, takeOrAsk } from '../../../src-renderer/asked';
import { askFirstScreen } from '../../../src-renderer/firstScreen';
import { deskToday } from '../../../src-renderer/format';
import { keptAnswer, slotOf, takeAhead } from '../../../src-renderer/kept';
import { dashboardArg, nextSeasonArg, progressArg } from '../../../src-renderer/pages/dashboard/reads';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

let t: TestLedger;
const asked: ApiName[] = [];
const times = (name: ApiName) => asked.filter((n) => n === name).length;

beforeAll(async () => {
  t = openTestLedger();
  await t.ok('villages.add', { code: '001', name: '幸福村' });
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  (globalThis as { window?: unknown }).window = {
    canbao: {
      invoke: (name: ApiName, arg: never) => {
        asked.push(name);
        return t.call(name, arg);
      },
    },
  };
});
afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
  t.close();
});

describe('a read asked once', () => {
  it('is joined by a second asker while on its way, and kept', async () => {
    asked.length = 0;
    const [a, b] = await Promise.all([ask('villages.list', '{}'), ask('villages.list', '{}')]);
    expect(times('villages.list')).toBe(1);
    expect(b).toBe(a);
    expect(a.r.ok && a.r.value.map((v) => v.name)).toEqual(['幸福村']);
    expect(keptAnswer(slotOf('villages.list', '{}'))?.json).toBe(a.json);
  });

  it('is asked again once it has been answered', async () => {
    asked.length = 0;
    await ask('villages.list', '{}');
    await ask('villages.list', '{}');
    expect(times('villages.list')).toBe(2);
  });

  it('is not joined across a write: the second asker sees the village the write added', async () => {
    asked.length = 0;
    const before = ask('villages.list', '{}');
    // The write goes through the renderer's door, as a screen's would, so the kept answers learn of it.
    await invoke('villages.add', { code: '002', name: '红旗村' });
    const after = await ask('villages.list', '{}');
    await before;
    expect(times('villages.list')).toBe(2);
    expect(after.r.ok && after.r.value.map((v) => v.name)).toEqual(['幸福村', '红旗村']);
  });
});

describe('the login’s reads ahead', () => {
  it('are the reads 工作台 makes, each taken once as fresh', async () => {
    asked.length = 0;
    await askFirstScreen(10_000);
    const on = deskToday();
    const slots = [
      slotOf('reports.dashboard', JSON.stringify(dashboardArg(2024, on))),
      slotOf('reports.progress', JSON.stringify(progressArg(2024))),
      slotOf('season.newYear', JSON.stringify(nextSeasonArg(2024, on))),
      slotOf('office.tables', '{}'),
    ];
    for (const s of slots) expect(keptAnswer(s), s).toBeDefined();
    expect(slots.map(takeAhead)).toEqual([true, true, true, true]);
    expect(slots.map(takeAhead)).toEqual([false, false, false, false]);
    expect(times('reports.dashboard')).toBe(1);
    // The shell's office: taken from the login's answer, then asked afresh.
    expect((await takeOrAsk('office.get', {})).r.ok).toBe(true);
    expect(times('office.get')).toBe(1);
    await takeOrAsk('office.get', {});
    expect(times('office.get')).toBe(2);
  });

  it('an answer asked ahead that a screen joined on its way is not left fresh for a later visit', async () => {
    const ahead = askAhead('villages.list', {});
    await ask('villages.list', '{}');
    await ahead;
    expect(takeAhead(slotOf('villages.list', '{}'))).toBe(false);
  });

  it('an answer a screen asked for itself is not taken as fresh', async () => {
    await askAhead('office.policies', {});
    expect(takeAhead(slotOf('office.policies', '{}'))).toBe(true);
    await ask('office.policies', '{}');
    expect(takeAhead(slotOf('office.policies', '{}'))).toBe(false);
  });
});
