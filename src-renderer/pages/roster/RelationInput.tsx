import { AutoComplete } from 'antd';

/** 与户主关系 as the 户口簿 words them; the clerk may type another. */
const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女', '兄弟姐妹', '儿媳', '女婿', '其他'];

/** The relation field of every roster form: the usual words offered as the clerk types. */
export function RelationInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <AutoComplete
      aria-label={label}
      value={value}
      onChange={onChange}
      options={RELATIONS.filter((r) => r.includes(value) && r !== value).map((r) => ({ value: r }))}
    />
  );
}
