import type { ImportKind } from '../../../src-main/api/contract';

export const IMPORT_KINDS: { value: ImportKind; label: string; hint: string }[] = [
  { value: 'roster', label: '花名册', hint: '户籍/村提供的名单：按身份证号新增或更新人员和家庭户。' },
  { value: 'categories', label: '部门认定名单', hint: '民政、残联、退役军人、卫健、乡村振兴等部门的资助对象名单。' },
  {
    value: 'payments',
    label: '缴费记录',
    hint: '从医保/税务系统导出的已缴费名单（含医保信息平台的居民缴费明细）：金额与测算不符、查无此人或已参保的进入待核实；标为冲销的作废原缴费。',
  },
  {
    value: 'situations',
    label: '县外参保情况（附件4回填）、死亡名单',
    hint: '各村填好的附件4或未参保人员清单；户籍或民政的死亡名单（姓名、身份证号、死亡日期）：死亡后仍有效的缴费列出来，由经办人退费或作废。',
  },
  {
    value: 'insurance',
    label: '医保参保核实名单',
    hint: '医保系统导出的困难人员参保核实表或参保状态表：据此登记职工医保、县外参保（按所属区划），并记下各年度的参保情况。',
  },
];

const COUNT_LABELS: Record<string, string> = {
  rows: '数据行',
  add: '新增',
  update: '更新',
  unchanged: '无变化',
  certify: '新增认定',
  redate: '变更认定日期',
  lost: '不在本次名单',
  record: '记入参保',
  pending: '待核实',
  reverse: '冲销（作废缴费）',
  insured: '职工医保参保',
  apply: '更新情况',
  history: '年度参保记录',
  ended: '终止认定',
  households: '新建家庭户',
  leaving: '不在籍（记为未参保原因）',
  problems: '有问题',
};

export const countLabel = (key: string) => COUNT_LABELS[key] ?? key;
