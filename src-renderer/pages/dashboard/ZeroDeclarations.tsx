import { useState } from 'react';
import { Alert, Button, Space, Table } from 'antd';
import type { Enrollment } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { useInvoke } from '../../useInvoke';
import { DayPicker } from '../DayPicker';

/**
 * 全额资助未零申报: the fully funded enrollments not yet declared to 税务. The clerk selects some
 * or all and marks them declared on a date, in one change; the list and the 工作台 tile follow.
 */
export function ZeroDeclarations({ year, onOpen, onChanged }: { year: number; onOpen: (personId: number) => void; onChanged: () => void }) {
  const list = useInvoke('reports.subsidizedNotDeclared', { coverageYear: year });
  const rows = list.value?.zeroNotDeclared ?? [];
  const [selected, setSelected] = useState<number[]>([]);
  const [on, setOn] = useState(deskToday());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function mark() {
    setSaving(true);
    const r = await invoke('enroll.markDeclared', { ids: selected, on });
    setSaving(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setDone(`已把 ${r.value.declared} 人标记为 ${on} 零申报。`);
    setSelected([]);
    list.reload();
    onChanged();
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>零申报日期</span>
        <DayPicker label="零申报日期" value={on} onChange={setOn} />
        <Button type="primary" disabled={!selected.length} loading={saving} onClick={() => void mark()}>
          标记为已零申报{selected.length ? `（${selected.length} 人）` : ''}
        </Button>
        <span style={{ color: '#666' }}>在税务系统完成零申报后，勾选已申报的人（表头可全选）再标记。</span>
      </Space>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {done && <Alert type="success" showIcon message={done} />}
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Enrollment>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        title={() => `共 ${rows.length} 人未零申报`}
        locale={{ emptyText: '全额资助的参保人都已零申报。' }}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true }}
        onRow={(e) => ({ onDoubleClick: () => onOpen(e.personId), style: { cursor: 'pointer' } })}
        columns={[
          { title: '姓名', dataIndex: 'personName', width: 100 },
          { title: '身份证号', dataIndex: 'idNumber', width: 190 },
          { title: '村（社区）', dataIndex: 'villageName', width: 120 },
          { title: '收据号', dataIndex: 'receiptNo', width: 120 },
          { title: '登记日期', dataIndex: 'paidOn', width: 110 },
        ]}
      />
    </Space>
  );
}
