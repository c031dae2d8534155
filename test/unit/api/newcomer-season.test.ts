// Issue 25: a new office of 酉阳县花田乡 finds its policy among the files that are there, is not
// warned off its county's notice, and is asked to start 2025 only a month before it opens.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

const YOUYANG_2024 = '重庆市酉阳土家族苗族自治县 2024 年度（酉阳医保发〔2023〕52号）';
const YOUYANG_2025 = '重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号）';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2023-11-05T02:00:00Z');
});
afterEach(() => t.close());

const huatian = () => t.ok('office.update', { county: '酉阳县', townshipName: '花田乡' });

describe('a newcomer’s first season', () => {
  it('suggests the county’s file to a township of the county that has chosen nothing yet', async () => {
    await huatian();
    const s = await t.ok('season.newYear', { year: 2024 });
    expect(s).toMatchObject({ chosen: null, suggested: { id: 'cq-youyang-2024', name: YOUYANG_2024 }, place: '酉阳县花田乡' });
    expect(s.others.map((p) => p.name)).toEqual([
      '江西省高安市瑞州街道 2024 年度（宜医保字〔2023〕25号）',
      '重庆市云阳县农坝镇 2024 年度（农坝府发〔2023〕42号）',
      '重庆市丰都县栗子乡 2024 年度（栗子府发〔2023〕87号）',
    ]);
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-youyang-2024' });
    expect(await t.ok('season.newYear', { year: 2024 })).toMatchObject({ chosen: { id: 'cq-youyang-2024', name: YOUYANG_2024 }, suggested: null });
  });

  it('suggests nothing it cannot tell is the office’s, and lists what there is', async () => {
    expect(await t.ok('season.newYear', { year: 2024 })).toMatchObject({ suggested: null, place: '' });
    await t.ok('office.update', { county: '彭水县', townshipName: '鹿角镇' });
    const s = await t.ok('season.newYear', { year: 2024 });
    expect(s).toMatchObject({ suggested: null, place: '彭水县鹿角镇' });
    expect(s.others).toHaveLength(4);
  });

  it('prefers the township’s own file, imported, to the county’s', async () => {
    await huatian();
    const own = fs
      .readFileSync('resources/policies/cq-youyang-2025.yaml', 'utf8')
      .replace('id: cq-youyang-2025', 'id: cq-youyang-huatian-2025')
      .replace('region: 重庆市酉阳土家族苗族自治县', 'region: 重庆市酉阳土家族苗族自治县花田乡');
    const file = path.join(t.ctx.dataDir, 'upload');
    fs.writeFileSync(file, own);
    await t.ok('policies.import', { file, name: '花田2025.yaml' });
    const s = await t.ok('season.newYear', { year: 2025 });
    expect(s.suggested?.id).toBe('cq-youyang-huatian-2025');
    expect(s.others.map((p) => p.name)).toEqual([YOUYANG_2025]);
  });

  it('names each file by place and document, and places it against the office', async () => {
    await huatian();
    const list = await t.ok('policies.list', {});
    const fit = Object.fromEntries(list.map((p) => [p.id, p.fit]));
    expect(fit).toMatchObject({ 'cq-youyang-2024': 'county', 'cq-youyang-2025': 'county', 'cq-yunyang-nongba-2024': 'other', 'cq-fengdu-lizi-2024': 'other' });
    expect(list.find((p) => p.id === 'cq-youyang-2025')?.name).toBe(YOUYANG_2025);
    const wrongYear = await t.call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-youyang-2025' });
    expect(!wrongYear.ok && wrongYear.error.message).toBe(`「${YOUYANG_2025}」不是 2024 年度的政策。`);
  });
});

describe('proposing the next season', () => {
  beforeEach(async () => {
    await huatian();
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-youyang-2024' });
  });

  it('waits until 30 days before the next year’s first window opens', async () => {
    expect(await t.ok('season.newYear', { year: 2025 })).toMatchObject({ opensOn: '2024-09-13', proposeFrom: '2024-08-14', due: false });
    expect((await t.ok('season.newYear', { year: 2025, on: '2024-08-13' })).due).toBe(false);
    expect((await t.ok('season.newYear', { year: 2025, on: '2024-08-14' })).due).toBe(true);
  });

  it('asks the ledger’s today when the desk sends none', async () => {
    // 16:30 UTC is 00:30 the next day in China: the desk's day, not London's.
    t.ctx.now = () => new Date('2024-08-13T16:30:00Z');
    expect((await t.ok('season.newYear', { year: 2025 })).due).toBe(true);
  });
});
