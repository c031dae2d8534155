import { Card, Table } from 'antd';
import type { PendingPayment } from '../../../src-main/api/contract';
import { useInvoke } from '../../useInvoke';
import { yuan } from '../../format';

/** Payments from the 医保/税务 files the ledger could not take as they were. */
export function PendingCard({ year, version }: { year: number | null; version: number }) {
  // A new import (version) may have added to the list.
  const rows: PendingPayment[] = useInvoke('payments.pending', year ? { coverageYear: year } : null, version).value ?? [];
  if (!rows.length) return null;
  return (
    <Card title={`待核实缴费（${rows.length} 条）`} size="small">
      <PendingTable rows={rows} />
    </Card>
  );
}

export function PendingTable({ rows }: { rows: PendingPayment[] }) {
  return (
    <Table<PendingPayment>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 8, showSizeChanger: false }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 100 },
        { title: '身份证号', dataIndex: 'idNumber', width: 190 },
        { title: '缴费日期', dataIndex: 'paidOn', width: 110 },
        { title: '金额（元）', width: 100, align: 'right', render: (_, p) => yuan(p.amountFen) },
        { title: '方式', dataIndex: 'channel', width: 100 },
        { title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}
