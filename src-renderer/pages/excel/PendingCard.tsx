import { useState } from 'react';
import { Alert, Button, Card, Collapse, Space, Table } from 'antd';
import type { PendingPayment, SettledPayment } from '../../../src-main/api/contract';
import { useInvoke } from '../../useInvoke';
import { chinaTime } from '../../format';
import { SettlePayment, paidText } from './SettlePayment';
import { pageItem } from '../../a11y';

/** Payments from the 医保/税务 files the ledger could not take as they were; a new import (version) may have added to them. */
export function PendingCard({ year, version }: { year: number | null; version: number }) {
  return year ? <PendingList year={year} version={version} card /> : null;
}

/**
 * The open 待核实 payments with a 处理 for each, and below them what was settled. As a card
 * (导入导出) it shows only when something waits, or was settled here.
 */
export function PendingList({ year, version = 0, onChanged, card }: { year: number; version?: number; onChanged?: () => void; card?: boolean }) {
  const open = useInvoke('payments.pending', { coverageYear: year }, version);
  const settled = useInvoke('payments.settled', { coverageYear: year }, version);
  const [settling, setSettling] = useState<PendingPayment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const rows = open.value ?? [];
  const closed = settled.value ?? [];
  if (card && !rows.length && !touched) return null;
  const list = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {done && <Alert type="success" showIcon closable message={done} onClose={() => setDone(null)} />}
      {(open.error ?? settled.error) && <Alert type="error" showIcon message={open.error ?? settled.error} />}
      <Table<PendingPayment>
        size="small"
        rowKey="id"
        loading={open.loading}
        dataSource={rows}
        title={() => `共 ${rows.length} 条待核实`}
        locale={{ emptyText: '没有待核实的缴费。' }}
        pagination={{ pageSize: 8, showSizeChanger: false, itemRender: pageItem }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '缴费日期', dataIndex: 'paidOn', width: 100 },
          { title: '金额', width: 150, render: (_, p) => paidText(p) },
          { title: '方式', dataIndex: 'channel', width: 80 },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '',
            width: 70,
            render: (_, p) => (
              <Button size="small" type="primary" onClick={() => (setSettling(p), setDone(null))}>
                处理
              </Button>
            ),
          },
        ]}
      />
      {closed.length > 0 && (
        <Collapse size="small" items={[{ key: 'settled', label: `已处理 ${closed.length} 条`, children: <SettledTable rows={closed} /> }]} />
      )}
      {settling && (
        <SettlePayment
          pending={settling}
          onClose={() => setSettling(null)}
          onSettled={(message) => {
            setSettling(null);
            setDone(message);
            setTouched(true);
            open.reload();
            settled.reload();
            onChanged?.();
          }}
        />
      )}
    </Space>
  );
  return card ? (
    <Card title="待核实缴费" size="small">
      {list}
    </Card>
  ) : (
    list
  );
}

function SettledTable({ rows }: { rows: SettledPayment[] }) {
  return (
    <Table<SettledPayment>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 8, showSizeChanger: false, itemRender: pageItem }}
      columns={[
        { title: '文件中姓名', dataIndex: 'name', width: 90 },
        { title: '身份证号', dataIndex: 'idNumber', width: 180 },
        { title: '金额', width: 150, render: (_, p) => paidText(p) },
        {
          title: '处理',
          render: (_, p) =>
            p.resolution === 'recorded' ? `登记为「${p.recordedFor}」，收据 ${p.receiptNo}${p.note ? `；${p.note}` : ''}` : `不予登记：${p.note}`,
        },
        { title: '处理时间', width: 150, render: (_, p) => chinaTime(p.resolvedAt) },
      ]}
    />
  );
}
