import type { PersonCategory, PersonSummary } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { label, useGlossary } from '../../glossary';
import { useInvoke } from '../../useInvoke';
import { MarkList } from './MarkList';

type HandRow = PersonSummary & { categoryId: number; code: PersonCategory; source: string };

/**
 * 手工认定待核对: categories entered by hand that no department list confirmed. Once the clerk
 * has checked them with the department, they are marked checked on a date and leave the list.
 */
export function HandCertified({ version, onOpen, onChanged }: { version: number; onOpen: (personId: number) => void; onChanged: () => void }) {
  const g = useGlossary();
  const list = useInvoke('reports.handCertified', { on: deskToday() }, version);
  return (
    <MarkList<HandRow>
      rows={list.value ?? []}
      rowKey={(r) => r.categoryId}
      loading={list.loading}
      error={list.error}
      dateLabel="核对日期"
      action="标记为已核对"
      hint="与部门名单或证明核对无误后，勾选再标记；核对不上的请在人员信息中结束该身份。"
      title={(n) => `共 ${n} 条手工认定待核对`}
      empty="手工认定的资助身份都已核对。"
      onOpen={(r) => onOpen(r.id)}
      mark={async (ids, on) => {
        const r = await invoke('categories.check', { ids, on });
        if (!r.ok) return { ok: false, message: r.error.message };
        list.reload();
        onChanged();
        return { ok: true, message: `已把 ${r.value.checked} 条手工认定标记为 ${on} 核对无误。` };
      }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 100 },
        { title: '身份证号', dataIndex: 'idNumber', width: 190 },
        { title: '村（社区）', dataIndex: 'villageName', width: 120 },
        { title: '资助身份', width: 200, render: (_, r) => label(g.categories, r.code) },
        { title: '来源', dataIndex: 'source' },
      ]}
    />
  );
}
