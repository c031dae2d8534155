import { useState } from 'react';
import { Alert, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { deskToday } from '../../format';
import { DayPicker } from '../DayPicker';
import { pageItem } from '../../a11y';
import { BusyButton } from '../../BusyButton';

/**
 * A 工作台 list whose rows the clerk selects (some or all, the header's box) and marks done on a
 * date in one change: 零申报 filed with 税务, hand-entered categories checked with the department.
 */
export function MarkList<T extends { personId?: number; id?: number }>(props: {
  rows: T[];
  rowKey: (r: T) => number;
  loading: boolean;
  error: string | null;
  columns: ColumnsType<T>;
  dateLabel: string;
  action: string;
  hint: string;
  title: (n: number) => string;
  empty: string;
  mark: (ids: number[], on: string) => Promise<{ ok: true; message: string } | { ok: false; message: string }>;
  onOpen: (r: T) => void;
}) {
  const [selected, setSelected] = useState<number[]>([]);
  const [on, setOn] = useState(deskToday());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function mark() {
    setSaving(true);
    const r = await props.mark(selected, on);
    setSaving(false);
    if (!r.ok) return setError(r.message);
    setError(null);
    setDone(r.message);
    setSelected([]);
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{props.dateLabel}</span>
        <DayPicker label={props.dateLabel} value={on} onChange={setOn} />
        <BusyButton type="primary" disabled={!selected.length} busy={saving} onClick={() => void mark()}>
          {props.action}
          {selected.length ? `（${selected.length} 人）` : ''}
        </BusyButton>
        <span style={{ color: '#666' }}>{props.hint}</span>
      </Space>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {done && <Alert type="success" showIcon message={done} />}
      {props.error && <Alert type="error" showIcon message={props.error} />}
      <Table<T>
        size="small"
        rowKey={props.rowKey}
        loading={props.loading}
        dataSource={props.rows}
        title={() => props.title(props.rows.length)}
        locale={{ emptyText: props.empty }}
        pagination={{ pageSize: 10, showSizeChanger: false, itemRender: pageItem }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true }}
        onRow={(r) => ({ onDoubleClick: () => props.onOpen(r), style: { cursor: 'pointer' } })}
        columns={props.columns}
      />
    </Space>
  );
}
