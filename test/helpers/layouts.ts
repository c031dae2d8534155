// The layouts of files the office receives, header by header as their senders write them (issue 15).

/** 医保's 困难人员参保核实 export, its sixteen columns in order. */
export const YIBAO_VERIFY_HEADERS = [
  '姓名',
  '身份证号',
  '居民医保所属区划',
  '职工医保所属区划',
  '资助金额',
  '个人缴费金额',
  '是否参保职工',
  '是否参保居民',
  '参保类型',
  '金保号',
  '参保年度(职工)',
  '参保年度(居民)',
  '居民医保参保状态',
  '大学生医保参保状态',
  '职工医保参保状态',
  '特殊人员身份类别',
] as const;
