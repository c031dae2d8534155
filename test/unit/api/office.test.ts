import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2023-10-31T17:30:00Z'); // 01:30 on 11-01 in China
});
afterEach(() => t.close());

/** The office as saved by 农坝镇's first update, every other field as it starts. */
const SAVED = { townshipName: '农坝镇', county: '云阳县', countyCode: '', receiptFullId: false, phone: '', address: '', publicDays: 7 };

describe('office settings', () => {
  it('starts empty and keeps what the clerk saves, trimmed', async () => {
    expect(await t.ok('office.get', {})).toEqual({ townshipName: '', county: '', countyCode: '', receiptFullId: false, phone: '', address: '', publicDays: 7 });
    await t.ok('office.update', { townshipName: ' 农坝镇 ', county: '云阳县' });
    expect(await t.ok('office.get', {})).toEqual(SAVED);
  });

  it.each([
    [{ townshipName: '', county: '云阳县' }, '请填写乡镇/街道名称。'],
    [{ townshipName: '   ', county: '云阳县' }, '请填写乡镇/街道名称。'],
    [{ townshipName: '农'.repeat(31), county: '' }, '乡镇/街道名称不能超过 30 个字。'],
    [{ county: '云阳县' }, '请填写乡镇/街道名称。'],
    [
      { townshipName: '农坝镇', county: '云阳县', countyCode: '50023' },
      '本县行政区划代码是 6 位数字（如酉阳县 500242），可在统计用区划代码中查到；不知道可以不填。',
    ],
    [
      { townshipName: '农坝镇', county: '云阳县', countyCode: '050023' },
      '本县行政区划代码是 6 位数字（如酉阳县 500242），可在统计用区划代码中查到；不知道可以不填。',
    ],
  ])('refuses %j in Chinese and changes nothing', async (input, message) => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const r = await t.call('office.update', input as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    expect(await t.ok('office.get', {})).toEqual(SAVED);
  });

  it('keeps the telephone, address and 公示 days printed on the 公示 list, and refuses a phone or a day count that is not one', async () => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县', phone: '023-55123456', address: '农坝镇人民政府一楼', publicDays: 5 });
    expect(await t.ok('office.get', {})).toMatchObject({ phone: '023-55123456', address: '农坝镇人民政府一楼', publicDays: 5 });
    expect(await t.call('office.update', { townshipName: '农坝镇', county: '云阳县', phone: '12345' })).toMatchObject({ ok: false, error: { field: 'phone' } });
    expect(await t.call('office.update', { townshipName: '农坝镇', county: '云阳县', publicDays: 0 })).toMatchObject({
      ok: false,
      error: { message: '公示天数至少 1 天。' },
    });
    expect(await t.ok('office.get', {})).toMatchObject({ phone: '023-55123456', publicDays: 5 });
  });

  it('keeps the county’s division code, and clears it when given empty', async () => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县', countyCode: ' 500235 ' });
    expect(await t.ok('office.get', {})).toMatchObject({ countyCode: '500235' });
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    expect(await t.ok('office.get', {})).toMatchObject({ countyCode: '500235' });
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县', countyCode: '' });
    expect(await t.ok('office.get', {})).toMatchObject({ countyCode: '' });
  });

  it('answers an unknown handler and a non-object argument without throwing', async () => {
    const { dispatch, handlers } = await import('../../../src-main/api/index');
    const unknown = await dispatch(handlers, t.ctx, 'office.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await dispatch(handlers, t.ctx, 'villages.add', 'x');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the glossary', () => {
  it("names departments as the office's newest policy does, and by the codes' words before one is chosen", async () => {
    const fresh = openTestLedger();
    await fresh.ctx.db.prepare('DELETE FROM office_policies').run();
    expect((await fresh.ok('glossary.get', {})).departments.veterans).toBe('退役军人事务局');
    await fresh.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    expect((await fresh.ok('glossary.get', {})).departments.veterans).toBe('退役军人事务管理局');
    fresh.close();
  });
});

describe('villages', () => {
  it('adds, lists in code order, renames and retires with the China date', async () => {
    await t.ok('villages.add', { code: '002', name: '龙堰社区' });
    const a = await t.ok('villages.add', { code: '001', name: '农坝社区' });
    expect((await t.ok('villages.list', {})).map((v) => v.name)).toEqual(['农坝社区', '龙堰社区']);

    expect(await t.ok('villages.rename', { id: a.id, name: '农坝居委' })).toMatchObject({ name: '农坝居委' });
    const retired = await t.ok('villages.retire', { id: a.id });
    expect(retired.retiredOn).toBe('2023-11-01');
    expect((await t.ok('villages.list', {})).map((v) => v.code)).toEqual(['002']);
    expect((await t.ok('villages.list', { includeRetired: true })).map((v) => v.code)).toEqual(['002', '001']);
  });

  it('refuses a second village with the same code, even a retired one, naming it', async () => {
    const v = await t.ok('villages.add', { code: '001', name: '幸福村' });
    await t.ok('villages.retire', { id: v.id });
    const r = await t.call('villages.add', { code: '001', name: '红梁村' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } });
    if (!r.ok) expect(r.error.message).toContain('幸福村');
  });

  it('refuses two villages in use with one name but lets a retired name be reused', async () => {
    const v = await t.ok('villages.add', { code: '001', name: '幸福村' });
    expect(await t.call('villages.add', { code: '002', name: '幸福村' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'name' },
    });
    await t.ok('villages.retire', { id: v.id });
    const fresh = await t.ok('villages.add', { code: '002', name: '幸福村' });
    // Restoring the old one would make two 幸福村 in use.
    expect(await t.call('villages.restore', { id: v.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.ok('villages.retire', { id: fresh.id });
    expect((await t.ok('villages.restore', { id: v.id })).retiredOn).toBeNull();
  });

  it.each([
    [{ code: '', name: '幸福村' }, '请填写村/社区代码。'],
    [{ code: '01-2', name: '幸福村' }, '村/社区代码只能是 1 到 12 位数字或字母（如统计用区划代码的后几位）。'],
    [{ code: '003', name: '' }, '请填写村/社区名称。'],
    [{ code: '003', name: '村'.repeat(31) }, '村/社区名称不能超过 30 个字。'],
  ])('refuses bad input %j', async (input, message) => {
    expect(await t.call('villages.add', input)).toMatchObject({ ok: false, error: { message } });
    expect(await t.ok('villages.list', { includeRetired: true })).toEqual([]);
  });

  it('says so when the village does not exist or is already retired', async () => {
    expect(await t.call('villages.retire', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const v = await t.ok('villages.add', { code: '1', name: '水竹村' });
    await t.ok('villages.retire', { id: v.id });
    expect(await t.call('villages.retire', { id: v.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
