import { useEffect, useState } from 'react';
import { Table, Tag } from 'antd';
import type { PersonSummary } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { PendingList } from '../excel/PendingCard';
import { label, useGlossary } from '../../glossary';
import { ZeroDeclarations } from './ZeroDeclarations';
import { HandCertified } from './HandCertified';
import { LAST_YEAR } from '../lastYearLists';
import { pageItem } from '../../a11y';

export type ListKey =
  | 'notEnrolled'
  | 'insuredLastYearNotEnrolled'
  | 'notInsuredLastYear'
  | 'unknownLastYear'
  | 'subsidizedNotEnrolled'
  | 'zeroNotDeclared'
  | 'pendingPayments'
  | 'handCertified';

type Row = PersonSummary & { note?: string };

/** The list behind a 工作台 figure; a click on a person opens their record. `version` changes when a record opened from it was edited. */
export function WorkList({
  list,
  year,
  version,
  onOpen,
  onChanged,
}: {
  list: ListKey;
  year: number;
  version: number;
  onOpen: (personId: number) => void;
  onChanged: () => void;
}) {
  const g = useGlossary();
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    // 零申报, 待核实 and 手工认定 have lists of their own, with what is done to them (below).
    if (list === 'zeroNotDeclared' || list === 'pendingPayments' || list === 'handCertified') return;
    let live = true;
    const show = (people: Row[], all = people.length) => {
      if (!live) return;
      setRows(people);
      setTotal(all);
    };
    void (async () => {
      if (list in LAST_YEAR) {
        const lastYear = LAST_YEAR[list as keyof typeof LAST_YEAR];
        const r = await invoke('reports.notEnrolled', { coverageYear: year, limit: 500, ...(lastYear ? { lastYear } : {}) });
        if (r.ok) show(r.value.rows, r.value.total);
      } else if (list === 'subsidizedNotEnrolled') {
        const r = await invoke('reports.subsidizedNotDeclared', { coverageYear: year });
        if (r.ok) show(r.value.notEnrolled.map((p) => ({ ...p, note: p.categories.map((c) => label(g.categories, c)).join('、') })));
      }
    })();
    return () => {
      live = false;
    };
  }, [list, year, g, version]);

  if (list === 'zeroNotDeclared') return <ZeroDeclarations year={year} version={version} onOpen={onOpen} onChanged={onChanged} />;
  if (list === 'handCertified') return <HandCertified version={version} onOpen={onOpen} onChanged={onChanged} />;
  if (list === 'pendingPayments') return <PendingList year={year} version={version} onChanged={onChanged} />;
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      dataSource={rows}
      title={() => (total > rows.length ? `共 ${total} 人，显示前 ${rows.length} 人（完整名单请在“打印”或“导入导出”中按村输出）` : `共 ${total} 人`)}
      pagination={{ pageSize: 10, showSizeChanger: false, itemRender: pageItem }}
      onRow={(p) => ({ onClick: () => onOpen(p.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 100 },
        { title: '身份证号', dataIndex: 'idNumber', width: 190 },
        { title: '村（社区）', dataIndex: 'villageName', width: 120 },
        { title: '户号', dataIndex: 'householdNumber', width: 90 },
        { title: '电话', dataIndex: 'phone', width: 130 },
        { title: '说明', render: (_, p) => (p.note ? <Tag>{p.note}</Tag> : null) },
      ]}
    />
  );
}
