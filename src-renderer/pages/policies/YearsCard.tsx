// Which years tell who lapsed: a year is known for everyone once its 税务/医保 payment records
// are imported, or once the administrator says the office holds all of them.
import { useState } from 'react';
import { Alert, Card, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import type { HistoryYear } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../useInvoke';
import { ADMIN_ONLY } from '../../session';

export function YearsCard({ admin, policyName, refresh }: { admin: boolean; policyName: (id: string) => string; refresh: unknown }) {
  // Read again when a year's policy is chosen above: the new year joins the list.
  const years = useInvoke('history.years', {}, refresh);
  const [error, setError] = useState<string | null>(null);

  async function mark(year: number, complete: boolean) {
    const r = await invoke('history.markYear', { year, complete });
    setError(r.ok ? null : r.error.message);
    years.reload();
  }

  return (
    <Card title="各年度参保记录是否齐全（据此推算断保）" size="small" data-testid="years-card">
      {(error ?? years.error) && <Alert type="error" showIcon message={error ?? years.error} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        居民也可能自行在网上缴费。某年度导入了税务或医保的缴费记录（或由管理员标记齐全）后，该年度没有参保记录的人才按“未参保”计算断保；否则该年度视为情况不明，登记时提示核实。本系统启用以前的年度，只能导入医保系统的参保记录。
      </Typography.Paragraph>
      <Table<HistoryYear>
        rowKey="year"
        size="small"
        pagination={false}
        loading={years.loading}
        dataSource={years.value ?? []}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '本所政策', render: (_, y) => (y.policyId ? policyName(y.policyId) : '本系统启用以前') },
          {
            title: '参保记录',
            render: (_, y) =>
              y.paymentsImported ? (
                <Tag color="green">已导入缴费记录</Tag>
              ) : y.marked ? (
                <>
                  <Tag color="blue">已标记齐全</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {y.marked.by} 于 {y.marked.at.slice(0, 10)} 标记
                  </Typography.Text>
                </>
              ) : (
                <Tag>不齐全：未参保者按情况不明</Tag>
              ),
          },
          {
            title: '标记齐全',
            width: 110,
            render: (_, y) =>
              y.policyId === null ? null : (
                <Popconfirm
                  title={y.marked ? `取消 ${y.year} 年度“记录齐全”的标记？` : `确认本所已取得 ${y.year} 年度全部缴费记录？`}
                  description={y.marked ? undefined : '标记后，该年度台账中没有参保记录的人都按断保计算等待期。'}
                  okText="确定"
                  cancelText="取消"
                  disabled={!admin}
                  onConfirm={() => void mark(y.year, !y.marked)}
                >
                  <Switch checked={y.marked !== null} disabled={!admin} title={admin ? undefined : ADMIN_ONLY} aria-label={`${y.year}年度记录齐全`} />
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
