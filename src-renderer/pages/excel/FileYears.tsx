// The coverage years a payment or 医保 file touches (docs/rules.md "Which files make a year known"): how many of the
// roster each names, what looks mistyped, and the clerk's word that the file is the township's
// full list for a year (only then does a person missing from it count as 未参保).
import { Alert, Checkbox, Table, Tooltip } from 'antd';
import type { ImportPreview } from '../../../src-main/api/contract';

type FileYear = ImportPreview['years'][number];

export function FileYears({ years, value, onChange }: { years: FileYear[]; value: number[]; onChange: (years: number[]) => void }) {
  if (!years.length) return null;
  const warned = years.flatMap((y) => y.warnings);
  return (
    <div data-testid="file-years">
      {warned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message="请核对文件的参保年度"
          description={warned.map((w) => (
            <div key={w}>{w}</div>
          ))}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<FileYear>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={years}
        title={() => '文件涉及的参保年度'}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '行数', dataIndex: 'rows', width: 80 },
          { title: '台账中的人数', dataIndex: 'persons', width: 120 },
          {
            title: '是否本乡镇该年度的全部名单',
            render: (_, y) =>
              y.fullList === true ? (
                <Checkbox
                  checked={value.includes(y.year)}
                  aria-label={`${y.year}年度全部名单`}
                  onChange={(e) => onChange(e.target.checked ? [...value, y.year] : value.filter((x) => x !== y.year))}
                >
                  是本乡镇 {y.year} 年度的全部参保（缴费）名单：名单中没有的人，该年度按未参保计算
                </Checkbox>
              ) : (
                <Tooltip title={y.fullList}>
                  <span style={{ color: '#888' }}>不是全部名单：{y.fullList}</span>
                </Tooltip>
              ),
          },
        ]}
      />
    </div>
  );
}
