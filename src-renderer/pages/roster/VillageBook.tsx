import { useMemo, useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { BookHousehold, BookMember, Village } from '../../../src-main/api/contract';
import { useInvoke } from '../../useInvoke';
import { label, useGlossary } from '../../glossary';
import { useCoverageYears } from '../../years';
import { YearSelect } from '../YearSelect';
import { HouseholdPanel } from './HouseholdPanel';
import { CLEARABLE, pageItem } from '../../a11y';

/**
 * 花名册 by village: its households in household-number order, each with its members (head
 * first) and who has paid for the year; a household opens to enroll it, print its notice or
 * move a member; a member opens their record.
 */
export function VillageBook({ onOpenPerson, version }: { onOpenPerson: (id: number) => void; version: number }) {
  const g = useGlossary();
  const villages: Village[] = useInvoke('villages.list', {}).value ?? [];
  const [villageId, setVillageId] = useState<number | null>(null);
  const { years, year, setYear } = useCoverageYears();
  const [filter, setFilter] = useState('');
  // The open household is read from the latest roll, so what it shows follows each change.
  const [openId, setOpenId] = useState<number | null>(null);
  const [changed, setChanged] = useState(0);
  const book = useInvoke('roster.villageBook', villageId ? { villageId, ...(year ? { coverageYear: year } : {}) } : null, version + changed);
  const households = book.value?.households ?? [];
  const shown = useMemo(() => {
    const f = filter.trim();
    if (!f) return households;
    return households.filter((h) => h.number.includes(f) || h.members.some((m) => m.name.includes(f)));
  }, [households, filter]);
  const people = households.reduce((n, h) => n + h.members.length, 0);
  const open = households.find((h) => h.id === openId) ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        村（社区）
        <Select
          aria-label="浏览村（社区）"
          autoFocus
          showSearch
          optionFilterProp="label"
          placeholder="请选择村（社区）"
          value={villageId ?? undefined}
          onChange={setVillageId}
          style={{ width: 180 }}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <YearSelect years={years} year={year} onChange={setYear} />
        <Input
          allowClear={CLEARABLE}
          aria-label="户号或成员姓名"
          placeholder="户号或成员姓名"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 200 }}
        />
        {book.value && (
          <span data-testid="book-counts">
            共 {households.length} 户、{people} 人
          </span>
        )}
      </Space>
      {book.error && <Alert type="error" showIcon message={book.error} />}
      {!villageId && <Alert type="info" showIcon message="选择村（社区）后，按户号顺序列出各户及其成员。" />}
      {villageId && (
        <Table<BookHousehold>
          size="small"
          rowKey="id"
          rowClassName="book-household"
          loading={book.loading}
          dataSource={shown}
          pagination={{ pageSize: 12, showSizeChanger: false, itemRender: pageItem }}
          locale={{ emptyText: filter ? '没有符合的户' : '这个村（社区）还没有登记户' }}
          expandable={{
            expandedRowRender: (h) => <Members rows={h.members} onOpen={onOpenPerson} statuses={g.statuses} />,
            rowExpandable: (h) => h.members.length > 0,
          }}
          columns={[
            { title: '户号', dataIndex: 'number', width: 100 },
            { title: '户主', width: 100, render: (_, h) => h.headName ?? <span style={{ color: '#999' }}>未设户主</span> },
            { title: '成员', render: (_, h) => h.members.map((m) => m.name).join('、') },
            { title: '人数', width: 60, render: (_, h) => h.members.length },
            {
              title: year ? `${year} 年度已缴` : '已缴',
              width: 100,
              render: (_, h) => {
                const due = h.members.filter((m) => m.status === 'active');
                const paid = due.filter((m) => m.receiptNo).length;
                return <Tag color={due.length && paid === due.length ? 'green' : paid ? 'gold' : undefined}>{`${paid} / ${due.length}`}</Tag>;
              },
            },
            {
              title: '',
              width: 90,
              render: (_, h) => (
                <Button size="small" type="primary" onClick={() => setOpenId(h.id)}>
                  打开此户
                </Button>
              ),
            },
          ]}
        />
      )}
      {open && year && (
        <HouseholdPanel
          household={open}
          villageId={villageId!}
          villageName={book.value?.villageName ?? ''}
          year={year}
          onClose={() => setOpenId(null)}
          onOpenPerson={onOpenPerson}
          onChanged={() => setChanged((n) => n + 1)}
        />
      )}
    </Space>
  );
}

function Members({ rows, onOpen, statuses }: { rows: BookMember[]; onOpen: (id: number) => void; statuses: Record<string, string> }) {
  return (
    <Table<BookMember>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={(m) => ({ onClick: () => onOpen(m.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 100 },
        { title: '与户主关系', dataIndex: 'relation', width: 100 },
        { title: '身份证号', dataIndex: 'idNumber', width: 190 },
        { title: '出生日期', dataIndex: 'birthDate', width: 110 },
        { title: '状态', width: 80, render: (_, m) => (m.status === 'active' ? '正常' : <Tag>{label(statuses, m.status)}</Tag>) },
        {
          title: '本年度',
          render: (_, m) => (m.receiptNo ? <Tag color="green">已缴（收据 {m.receiptNo}）</Tag> : m.status === 'active' ? <Tag>未缴</Tag> : ''),
        },
      ]}
    />
  );
}
