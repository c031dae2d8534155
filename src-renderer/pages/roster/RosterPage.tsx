import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Empty, Input, Space, Table, Tabs, Tag } from 'antd';
import type { InputRef } from 'antd';
import type { PersonSummary } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { label, useGlossary } from '../../glossary';
import { NewPersonModal } from './NewPersonModal';
import { PersonDrawer } from './PersonDrawer';
import { VillageBook } from './VillageBook';

export function RosterPage() {
  const g = useGlossary();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<PersonSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [tab, setTab] = useState('search');
  // A change made in the drawer shows at once in the list behind it (search results and village
  // roll), and the roll is read again when the drawer closes.
  const [changes, setChanges] = useState(0);
  const box = useRef<InputRef>(null);
  const latest = useRef(0);
  const shown = useRef<PersonSummary[]>([]);
  const edited = useRef<number | null>(null);

  useEffect(() => box.current?.focus(), []);

  useEffect(() => {
    const ticket = ++latest.current;
    // Results as you type; an older answer arriving late must not replace a newer one.
    const timer = setTimeout(() => {
      void (async () => {
        const r = await invoke('roster.search', { q });
        if (ticket !== latest.current) return;
        if (!r.ok) return setError(r.error.message);
        const next = await keepEdited(r.value);
        if (ticket !== latest.current) return;
        shown.current = next;
        setRows(next);
        setError(null);
      })();
    }, 120);
    return () => clearTimeout(timer);
  }, [q, changes]);

  // The person just edited stays where they were, read afresh, even when the edit (a new name)
  // no longer matches what was typed: the clerk sees the change rather than the row vanish.
  async function keepEdited(found: PersonSummary[]): Promise<PersonSummary[]> {
    const id = edited.current;
    const at = shown.current.findIndex((p) => p.id === id);
    if (id === null || at < 0 || found.some((p) => p.id === id)) return found;
    const r = await invoke('roster.search', { q: shown.current[at]!.idNumber, limit: 1 });
    const me = r.ok ? r.value.find((p) => p.id === id) : undefined;
    return me ? [...found.slice(0, at), me, ...found.slice(at)] : found;
  }

  // Enter opens the first match of what is typed now, even before the list has caught up.
  async function openFirst() {
    const r = await invoke('roster.search', { q, limit: 1 });
    if (r.ok && r.value[0]) setOpen(r.value[0].id);
  }

  const search = (
    <>
      <Space style={{ marginBottom: 16 }} align="start">
        <Input.Search
          ref={box}
          size="large"
          allowClear
          value={q}
          onChange={(e) => {
            edited.current = null;
            setQ(e.target.value);
          }}
          onPressEnter={() => void openFirst()}
          placeholder="身份证号、末几位、姓名、拼音首字母（如 zs）或电话"
          aria-label="搜索人员"
          style={{ width: 560 }}
        />
        <Button size="large" onClick={() => setAdding(true)}>
          登记新人员
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<PersonSummary>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={q ? '没有找到匹配的人员' : '输入后即可查找'} /> }}
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '身份证号', dataIndex: 'idNumber', width: 200 },
          { title: '性别', width: 60, render: (_, p) => (p.sex === 'male' ? '男' : '女') },
          { title: '出生日期', dataIndex: 'birthDate', width: 120 },
          { title: '村（社区）', dataIndex: 'villageName', width: 140 },
          { title: '户号', dataIndex: 'householdNumber', width: 110 },
          { title: '电话', dataIndex: 'phone', width: 140 },
          { title: '状态', width: 90, render: (_, p) => (p.status === 'active' ? <Tag color="green">正常</Tag> : <Tag>{label(g.statuses, p.status)}</Tag>) },
        ]}
      />
    </>
  );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'search', label: '查找人员', children: search },
          { key: 'book', label: '按村浏览', children: <VillageBook onOpenPerson={setOpen} version={changes} /> },
        ]}
      />
      <PersonDrawer
        personId={open}
        onClose={() => {
          setOpen(null);
          setChanges((n) => n + 1);
        }}
        onChanged={() => {
          edited.current = open;
          setChanges((n) => n + 1);
        }}
      />
      <NewPersonModal
        open={adding}
        typed={q}
        onClose={() => setAdding(false)}
        onCreated={(p) => {
          setAdding(false);
          setQ(p.idNumber);
          setOpen(p.id);
        }}
      />
    </>
  );
}
