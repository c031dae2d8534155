import type { Enrollment } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../useInvoke';
import { MarkList } from './MarkList';

/**
 * 全额资助未零申报: the fully funded enrollments not yet declared to 税务. The clerk selects some
 * or all and marks them declared on a date, in one change; the list and the 工作台 tile follow.
 */
export function ZeroDeclarations({
  year,
  version,
  onOpen,
  onChanged,
}: {
  year: number;
  version: number;
  onOpen: (personId: number) => void;
  onChanged: () => void;
}) {
  const list = useInvoke('reports.subsidizedNotDeclared', { coverageYear: year }, version);
  return (
    <MarkList<Enrollment>
      rows={list.value?.zeroNotDeclared ?? []}
      rowKey={(e) => e.id}
      loading={list.loading}
      error={list.error}
      dateLabel="零申报日期"
      action="标记为已零申报"
      hint="在税务系统完成零申报后，勾选已申报的人（表头可全选）再标记。"
      title={(n) => `共 ${n} 人未零申报`}
      empty="全额资助的参保人都已零申报。"
      onOpen={(e) => onOpen(e.personId)}
      mark={async (ids, on) => {
        const r = await invoke('enroll.markDeclared', { ids, on });
        if (!r.ok) return { ok: false, message: r.error.message };
        list.reload();
        onChanged();
        return { ok: true, message: `已把 ${r.value.declared} 人标记为 ${on} 零申报。` };
      }}
      columns={[
        { title: '姓名', dataIndex: 'personName', width: 100 },
        { title: '身份证号', dataIndex: 'idNumber', width: 190 },
        { title: '村（社区）', dataIndex: 'villageName', width: 120 },
        { title: '收据号', dataIndex: 'receiptNo', width: 120 },
        { title: '登记日期', dataIndex: 'paidOn', width: 110 },
      ]}
    />
  );
}
