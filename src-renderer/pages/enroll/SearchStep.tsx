// Step 1 of the desk: find the person. The box keeps the focus; ↑/↓ choose among several
// matches (many share a name or the last digits of an ID number) and Enter takes the chosen one.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Card, Input, List, Typography, type InputRef } from 'antd';
import type { PersonSummary } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { askAhead } from '../../asked';
import { composing } from '../../keys';
import { NewPersonModal } from '../roster/NewPersonModal';
import { YearSelect } from '../YearSelect';
import type { useCoverageYears } from '../../years';

export function SearchStep({ years, onPick }: { years: ReturnType<typeof useCoverageYears>; onPick: (id: number) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonSummary[]>([]);
  const [chosen, setChosen] = useState(0);
  const [adding, setAdding] = useState(false);
  const box = useRef<InputRef>(null);

  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    let live = true;
    const t = setTimeout(
      () =>
        void invoke('roster.search', { q, limit: 10 }).then((r) => {
          if (!live || !r.ok) return;
          setFound(r.value);
          setChosen(0);
        }),
      120,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q]);

  // The chosen match is read while the clerk looks at it, so the Enter that takes it waits for nothing.
  const next = found[chosen]?.id;
  useEffect(() => {
    if (next !== undefined) void askAhead('roster.getPerson', { id: next });
  }, [next]);

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    // An Enter that ends an input method's composition only commits the characters.
    if (composing(e.nativeEvent)) return;
    if (e.key === 'Enter' && found[chosen]) {
      e.preventDefault();
      onPick(found[chosen].id);
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && found.length) {
      e.preventDefault();
      setChosen((c) => (e.key === 'ArrowDown' ? Math.min(c + 1, found.length - 1) : Math.max(c - 1, 0)));
    }
  }

  const { alsoOpen } = years;
  return (
    <Card size="small">
      <div style={{ marginBottom: 12 }}>
        <YearSelect years={years.years} year={years.year} onChange={years.setYear} />
        {alsoOpen && (
          <Typography.Text type="warning" style={{ marginLeft: 12 }} data-testid="also-open">
            {alsoOpen.coverageYear} 年度也还在缴费期（{alsoOpen.openWindow!.label}，至 {alsoOpen.openWindow!.to}）：为该年度缴费的，请先切换参保年度。
          </Typography.Text>
        )}
      </div>
      <Input
        ref={box}
        size="large"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        placeholder="身份证号、末几位、姓名或拼音首字母；↑↓ 选择，回车确定"
        aria-label="查找参保人"
      />
      <List
        size="small"
        dataSource={found}
        renderItem={(p, i) => (
          <List.Item
            onClick={() => onPick(p.id)}
            aria-selected={i === chosen}
            data-chosen={i === chosen || undefined}
            style={{ cursor: 'pointer', background: i === chosen && found.length > 1 ? '#e6f4ff' : undefined }}
          >
            {p.name}，{p.idNumber}，{p.villageName} 户号 {p.householdNumber}
          </List.Item>
        )}
      />
      <Button type="link" onClick={() => setAdding(true)} style={{ paddingLeft: 0 }}>
        没有找到？登记新人员
      </Button>
      <NewPersonModal
        open={adding}
        typed={q}
        onClose={() => {
          setAdding(false);
          box.current?.focus();
        }}
        onCreated={(p) => {
          setAdding(false);
          onPick(p.id);
        }}
      />
    </Card>
  );
}
