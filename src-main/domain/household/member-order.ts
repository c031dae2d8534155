// The order of a household's members on every paper and screen: as the 户口簿 lists them
// (docs/rules.md "Household papers"): 户主, 配偶, 子女, 父母, then the others; within one
// relation the eldest first. The groups follow 家庭关系代码 GB/T 4761: its 子 (20–29) and 女 (30–39)
// take in 女婿 and 儿媳, its 父母 (50–59) 公婆 and 岳父母. A relation it does not know is 其他.

const GROUPS: readonly (readonly string[])[] = [
  ['户主', '本人'],
  ['配偶', '夫', '妻', '丈夫', '妻子', '爱人'],
  [
    '子女',
    '子',
    '女',
    '儿子',
    '女儿',
    '独生子',
    '独生女',
    '长子',
    '次子',
    '三子',
    '四子',
    '五子',
    '长女',
    '次女',
    '三女',
    '四女',
    '五女',
    '养子',
    '养女',
    '继子',
    '继女',
    '女婿',
    '儿媳',
    '其他儿子',
    '其他女儿',
  ],
  ['父母', '父亲', '母亲', '父', '母', '公公', '婆婆', '岳父', '岳母', '继父', '继母', '养父', '养母'],
  ['孙子女', '孙子', '孙女', '外孙子', '外孙女', '外孙', '孙媳妇', '孙女婿', '曾孙子', '曾孙女'],
  ['祖父母', '祖父', '祖母', '外祖父', '外祖母', '爷爷', '奶奶', '外公', '外婆'],
  ['兄弟姐妹', '兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹', '兄弟', '姐妹'],
];

const RANK = new Map(GROUPS.flatMap((words, rank) => words.map((w) => [w, rank] as const)));
const OTHERS = GROUPS.length;

/** The relation's place in the 户口簿's order (0 户主 … 7 其他); the head named by the household ranks first whatever its word. */
export function relationRank(relation: string, isHead = false): number {
  if (isHead) return 0;
  return RANK.get(relation.replace(/\s/g, '')) ?? OTHERS;
}

/** Members in 户口簿 order: by relation, then the eldest first (birth date), then as entered. */
export function inHouseholdOrder<T extends { relation: string; birthDate: string; id: number }>(members: readonly T[], headId: number | null): T[] {
  const rank = (m: T) => relationRank(m.relation, m.id === headId);
  return [...members].sort((a, b) => rank(a) - rank(b) || (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0) || a.id - b.id);
}
