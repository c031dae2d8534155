import { Table, Tag } from 'antd';
import type { FlagValue } from '../../../src-main/api/contract';

/**
 * Each value of the 医保 platform's coded columns the file holds, with its rows and how canbao
 * reads it (resources/layouts/headers.yaml `values`): a value read as nothing is never acted on,
 * and its rows are among the problems until the county lists it.
 */
export function FlagValues({ flags }: { flags: FlagValue[] }) {
  return (
    <Table<FlagValue>
      size="small"
      data-testid="flag-values"
      title={() => '文件中的标志和险种（按表头文字对照表读）'}
      rowKey={(f) => `${f.field}|${f.value}`}
      dataSource={flags}
      pagination={false}
      columns={[
        { title: '列', dataIndex: 'label', width: 110 },
        { title: '值', dataIndex: 'value', width: 160 },
        { title: '行数', dataIndex: 'rows', width: 80, align: 'right' },
        {
          title: '读作',
          render: (_, f) => (f.reading ? f.reading : <Tag color="error">不认识：这些行没有导入，请管理员查明后补进 headers.yaml</Tag>),
        },
      ]}
    />
  );
}
