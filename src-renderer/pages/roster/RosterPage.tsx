import { memo, useCallback, useDeferredValue, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { Alert, Button, Empty, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { InputRef, TableColumnsType } from 'antd';
import type { Person, PersonSummary } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { CLEARABLE, SEARCH_ICON } from '../../a11y';
import { label, useGlossary } from '../../glossary';
import { keyForControl } from '../../keys';
import { NewPersonModal } from './NewPersonModal';
import { PersonDrawer } from './PersonDrawer';
import { VillageBook } from './VillageBook';

/** Rows asked for at first, and added by each 显示更多: a clerk looks for one person, not a page. */
const STEP = 20;
/** The most the search gives at once. */
const MOST = 200;

/** What the list shows: the matches of `q` (what was typed when they were asked for). */
interface Found {
  q: string;
  persons: PersonSummary[];
  total: number;
  totalMore: boolean;
}

const NOTHING: Found = { q: '', persons: [], total: 0, totalMore: false };

export function RosterPage() {
  // What was typed, once the typing pauses: what the list is asked for.
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(STEP);
  const [found, setFound] = useState<Found>(NOTHING);
  // The row ↑/↓ chose (-1: none; Enter then opens the first match).
  const [chosen, setChosen] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [tab, setTab] = useState('search');
  // A change made in the drawer shows at once in the list behind it (search results and village
  // roll), and the roll is read again when the drawer closes.
  const [changes, setChanges] = useState(0);
  const box = useRef<SearchBoxHandle>(null);
  const latest = useRef(0);
  const shownRef = useRef<PersonSummary[]>([]);
  const edited = useRef<number | null>(null);
  // The list is drawn again only when new matches come, and then at low priority, so a key
  // pressed meanwhile is not kept waiting behind the rows.
  const shown = useDeferredValue(found);

  useEffect(() => {
    const ticket = ++latest.current;
    // An older answer arriving late must not replace a newer one.
    void (async () => {
      const r = await invoke('roster.find', { q, limit });
      if (ticket !== latest.current) return;
      if (!r.ok) return setError(r.error.message);
      const persons = await keepEdited(r.value.persons);
      if (ticket !== latest.current) return;
      shownRef.current = persons;
      setFound({ q, persons, total: r.value.total, totalMore: r.value.totalMore });
      setChosen(-1);
      setError(null);
    })();
  }, [q, limit, changes]);

  // The person just edited stays where they were, read afresh, even when the edit (a new name)
  // no longer matches what was typed: the clerk sees the change rather than the row vanish.
  async function keepEdited(found: PersonSummary[]): Promise<PersonSummary[]> {
    const id = edited.current;
    const at = shownRef.current.findIndex((p) => p.id === id);
    if (id === null || at < 0 || found.some((p) => p.id === id)) return found;
    const r = await invoke('roster.search', { q: shownRef.current[at]!.idNumber, limit: 1 });
    const me = r.ok ? r.value.find((p) => p.id === id) : undefined;
    return me ? [...found.slice(0, at), me, ...found.slice(at)] : found;
  }

  // A key typed: the chosen row and 显示更多 are the old list's (no render when already so).
  const onTyping = useCallback(() => {
    edited.current = null;
    setChosen(-1);
    setLimit(STEP);
  }, []);
  // Enter (or 查找) opens the row ↑/↓ chose, as marked on screen; with none chosen, the first
  // match of what is typed now, even before the list has caught up.
  const onEnter = useCallback(
    async (text: string) => {
      const picked = chosen >= 0 ? shown.persons[chosen] : undefined;
      if (picked) return setOpen(picked.id);
      const r = await invoke('roster.search', { q: text, limit: 1 });
      if (r.ok && r.value[0]) setOpen(r.value[0].id);
    },
    [chosen, shown],
  );
  const n = shown.persons.length;
  const onArrow = useCallback((down: boolean) => n > 0 && setChosen((c) => (down ? Math.min(c + 1, n - 1) : Math.max(c - 1, 0))), [n]);
  const more = useCallback(() => {
    setLimit((l) => Math.min(l + STEP, MOST));
    box.current?.focus();
  }, []);
  const onClose = useCallback(() => {
    setOpen(null);
    setChanges((n) => n + 1);
  }, []);
  const onChanged = useCallback(() => {
    edited.current = open;
    setChanges((n) => n + 1);
  }, [open]);
  const onAddClose = useCallback(() => setAdding(null), []);
  const onCreated = useCallback((p: Person) => {
    setAdding(null);
    box.current?.set(p.idNumber);
    setOpen(p.id);
  }, []);
  const book = useMemo(() => <VillageBook onOpenPerson={setOpen} version={changes} />, [changes]);

  const search = (
    <>
      <Space style={{ marginBottom: 12 }} align="start">
        <SearchBox ref={box} onQuery={setQ} onTyping={onTyping} onEnter={onEnter} onArrow={onArrow} />
        <Button size="large" onClick={() => setAdding(box.current?.text() ?? '')}>
          登记新人员
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Cut found={shown} onMore={more} />
      <Results rows={shown.persons} chosen={chosen} searched={shown.q !== ''} onOpen={setOpen} />
    </>
  );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'search', label: '查找人员', children: search },
          { key: 'book', label: '按村浏览', children: book },
        ]}
      />
      <Drawer personId={open} onClose={onClose} onChanged={onChanged} />
      <NewPerson open={adding !== null} typed={adding ?? ''} onClose={onAddClose} onCreated={onCreated} />
    </>
  );
}

interface SearchBoxHandle {
  focus(): void;
  text(): string;
  set(text: string): void;
}

/**
 * The search box keeps what is typed to itself, uncontrolled: a key renders antd's input alone
 * (not this box, nor the 查找 button beside it), and the page hears of the text when the typing
 * pauses (120 ms), to ask for the matches.
 */
const SearchBox = memo(function SearchBox({
  ref,
  onQuery,
  onTyping,
  onEnter,
  onArrow,
}: {
  ref: Ref<SearchBoxHandle>;
  onQuery: (q: string) => void;
  onTyping: () => void;
  onEnter: (text: string) => void;
  onArrow: (down: boolean) => void;
}) {
  // Text put in from outside (a person just registered) starts the box afresh.
  const [start, setStart] = useState({ n: 0, text: '' });
  const text = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<InputRef>(null);
  useImperativeHandle(
    ref,
    () => ({
      focus: () => input.current?.focus(),
      text: () => text.current,
      set: (t: string) => {
        clearTimeout(timer.current);
        text.current = t;
        setStart((s) => ({ n: s.n + 1, text: t }));
        onQuery(t);
      },
    }),
    [onQuery],
  );
  useEffect(() => {
    input.current?.focus();
    return () => clearTimeout(timer.current);
  }, []);

  // ↑/↓ choose among the rows; focus stays in the box. An input method's own keys are left to it.
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || keyForControl(e.nativeEvent)) return;
    e.preventDefault();
    onArrow(e.key === 'ArrowDown');
  }

  return (
    <Input.Search
      key={start.n}
      ref={input}
      size="large"
      allowClear={CLEARABLE}
      searchIcon={SEARCH_ICON}
      defaultValue={start.text}
      onChange={(e) => {
        const t = e.target.value;
        text.current = t;
        onTyping();
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onQuery(t), 120);
      }}
      onKeyDown={onKeyDown}
      onSearch={(value, _e, info) => void (info?.source !== 'clear' && onEnter(value))}
      placeholder="身份证号、末几位、姓名、拼音首字母或电话；↑↓ 选择，回车打开"
      aria-label="搜索人员"
      aria-controls="roster-results"
      style={{ width: 600, maxWidth: '100%' }}
    />
  );
});

// Neither changes as the clerk types: not drawn again for each key.
const Drawer = memo(PersonDrawer);
const NewPerson = memo(NewPersonModal);

/** Said when the list is cut: how many match in all, and how to see the one wanted. */
const Cut = memo(function Cut({ found, onMore }: { found: Found; onMore: () => void }) {
  const n = found.persons.length;
  if (!found.totalMore && found.total <= n) return null;
  const total = found.totalMore ? `超过 ${found.total} 人符合` : `共 ${found.total} 人符合`;
  return (
    <div style={{ marginBottom: 8 }} data-testid="roster-cut" role="status">
      <Typography.Text type="secondary">
        只显示前 {n} 人，{total}；请输入更多字缩小范围
      </Typography.Text>
      {n < MOST && (
        <Button type="link" size="small" onClick={onMore}>
          显示更多
        </Button>
      )}
    </div>
  );
});

/** The matches, drawn again only when they, the chosen row or the glossary change. */
const Results = memo(function Results({
  rows,
  chosen,
  searched,
  onOpen,
}: {
  rows: PersonSummary[];
  chosen: number;
  searched: boolean;
  onOpen: (id: number) => void;
}) {
  const g = useGlossary();
  const wrap = useRef<HTMLDivElement>(null);
  const columns = useMemo<TableColumnsType<PersonSummary>>(
    () => [
      { title: '姓名', dataIndex: 'name', width: 120 },
      { title: '身份证号', dataIndex: 'idNumber', width: 200 },
      { title: '性别', width: 60, render: (_, p) => (p.sex === 'male' ? '男' : '女') },
      { title: '出生日期', dataIndex: 'birthDate', width: 120 },
      { title: '村（社区）', dataIndex: 'villageName', width: 140 },
      { title: '户号', dataIndex: 'householdNumber', width: 110 },
      { title: '电话', dataIndex: 'phone', width: 140 },
      {
        title: '状态',
        width: 90,
        render: (_, p) => (p.status === 'active' ? <Tag color="green">正常</Tag> : <Tag>{label(g.statuses, p.status)}</Tag>),
      },
    ],
    [g],
  );
  const onRow = useCallback(
    (p: PersonSummary, i?: number) => ({
      onClick: () => onOpen(p.id),
      style: { cursor: 'pointer' },
      'aria-selected': i === chosen,
      'data-chosen': i === chosen || undefined,
    }),
    [chosen, onOpen],
  );
  const empty = useMemo(() => ({ emptyText: <Empty description={searched ? '没有找到匹配的人员' : '输入后即可查找'} /> }), [searched]);
  // The chosen row stays in sight as ↑/↓ move past the window's edge. (Braces: Chromium's
  // scrollIntoView now returns a promise, which React would take for the effect's cleanup.)
  useEffect(() => {
    wrap.current?.querySelector('[data-chosen]')?.scrollIntoView({ block: 'nearest' });
  }, [chosen]);

  return (
    <div ref={wrap} id="roster-results" className="roster-results">
      <Table<PersonSummary> rowKey="id" size="small" dataSource={rows} pagination={false} locale={empty} onRow={onRow} columns={columns} />
    </div>
  );
});
