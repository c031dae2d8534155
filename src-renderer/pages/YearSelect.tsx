import { Alert, Select, Space } from 'antd';

export function YearSelect({ years, year, onChange }: { years: number[]; year: number | null; onChange: (y: number) => void }) {
  return (
    <Space>
      参保年度
      <Select
        aria-label="参保年度"
        value={year ?? undefined}
        onChange={onChange}
        style={{ width: 120 }}
        options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
      />
      {!years.length && <Alert type="warning" showIcon message="还没有选择适用的政策，请先到“政策”中设置。" />}
    </Space>
  );
}
