// The drawer's 变更记录: each audited action read in the clerk's words.
import { describe, expect, it } from 'vitest';
import { describeChange, personDiff } from '../../../src-main/domain/history';

const change = (action: string, before: unknown, after: unknown) => ({
  at: '2024-01-10T02:00:00.000Z',
  actor: '李经办',
  action,
  before: before === undefined ? null : JSON.stringify(before),
  after: after === undefined ? null : JSON.stringify(after),
});

describe('describeChange', () => {
  it.each([
    [
      'roster.updatePerson',
      { name: '张三', phone: '' },
      { name: '张叁', phone: '13800000000' },
      '修改信息',
      '姓名：张三 → 张叁；联系电话：（空） → 13800000000',
    ],
    ['roster.updatePerson', { residence: 'local_hukou' }, { residence: 'permit' }, '修改信息', '参保范围：本地户籍 → 取得居住证的外地户籍人员'],
    ['roster.updatePerson', { name: '张三' }, { name: '张三' }, '修改信息', '没有改动'],
    [
      'roster.setStatus',
      { status: 'active', statusOn: null },
      { status: 'deceased', statusOn: '2023-12-01' },
      '更改状态',
      '状态：正常 → 死亡；状态日期：（空） → 2023-12-01',
    ],
    ['roster.movePerson', { villageName: '农坝村', householdNumber: '3' }, { villageName: '农坝村', householdNumber: '12' }, '迁移户', '户号：3 → 12'],
    ['roster.setInsurance', { employeeInsured: false }, { employeeInsured: true }, '更改参保情况', '职工医保：未参加 → 已参加'],
    [
      'categories.certify',
      undefined,
      { code: 'min_living', validFrom: '2023-01-01', validTo: null, source: '民政名单' },
      '认定资助身份',
      '城乡低保对象，2023-01-01 至 今，来源：民政名单',
    ],
    ['categories.end', { validTo: null }, { code: 'min_living', validTo: '2023-12-31' }, '结束资助身份', '城乡低保对象，截止 2023-12-31'],
    [
      'enroll.person',
      undefined,
      { coverageYear: 2024, receiptNo: 'NB2024-000001', personalFen: 38000 },
      '参保登记',
      '2024 年度，收据 NB2024-000001，个人缴费 380 元',
    ],
    ['enroll.void', { status: 'active' }, { status: 'voided', reason: '档次选错' }, '作废参保记录', '原因：档次选错'],
    ['enroll.refund', undefined, { amountFen: 34200, reason: '缴费后认定为低保' }, '退费', '342 元，缴费后认定为低保'],
    ['payments.resolve', {}, { receiptNo: 'NB2024-000002', note: '差额 10 元：少收' }, '待核实缴费登记', '收据 NB2024-000002，差额 10 元：少收'],
    ['import.categories.insert', null, { file: '民政名单.xlsx', undone: null }, '导入资助名单', '新增，文件：民政名单.xlsx'],
    [
      'import.roster.update',
      {},
      { file: '花名册.xlsx', undone: '2024-01-11T01:00:00Z' },
      '导入花名册',
      '更新，文件：花名册.xlsx（该批次已于 2024-01-11 撤销）',
    ],
  ])('%s', (action, before, after, what, detail) => {
    expect(describeChange(change(action, before, after))).toEqual({ at: '2024-01-10T02:00:00.000Z', actor: '李经办', what, detail });
  });

  it('names an action it does not know by its code, and survives broken JSON', () => {
    expect(describeChange({ at: 'x', actor: 'a', action: 'something.new', before: '{', after: 'null' })).toMatchObject({ what: 'something.new', detail: '' });
  });

  it('lists only the fields that changed', () => {
    expect(personDiff({ name: 'a', phone: '1', relation: '子' }, { name: 'a', phone: '2', relation: '子' })).toBe('联系电话：1 → 2');
  });
});
