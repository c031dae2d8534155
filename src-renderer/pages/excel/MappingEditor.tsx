import { Select, Table } from 'antd';
import { useGlossary } from '../../glossary';

type Mapping = Record<string, number | undefined>;

/** Which column of the file fills each field; the clerk corrects what the headers did not say. */
export function MappingEditor({ headers, mapping, onChange }: { headers: string[]; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const g = useGlossary();
  const options = headers.map((h, i) => ({ value: i, label: `第 ${i + 1} 列：${h || '（无标题）'}` }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={Object.entries(g.importFields).map(([key, label]) => ({ key, label }))}
      columns={[
        { title: '字段', dataIndex: 'label', width: 140 },
        {
          title: '文件中的列',
          render: (_, f) => (
            <Select
              aria-label={`${f.label}对应的列`}
              allowClear
              placeholder="（不导入）"
              style={{ width: 320 }}
              value={mapping[f.key]}
              options={options}
              onChange={(v: number | undefined) => onChange({ ...mapping, [f.key]: v })}
            />
          ),
        },
      ]}
    />
  );
}
