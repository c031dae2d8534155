import { useRef, useState } from 'react';
import { Alert, Button, Progress, Select, Space } from 'antd';
import type { HouseholdNotice, Village } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { HouseholdNoticeDoc } from './documents';

const PAGE = 100;

/**
 * A village's (or the whole township's) household notices in one print: fetched a hundred at a
 * time with progress and 取消, in household-number order, one household per sheet or two per
 * A4 with a cut line between.
 */
export function BatchNotices({ year, villages }: { year: number; villages: Village[] }) {
  const [villageId, setVillageId] = useState<number | undefined>();
  const [layout, setLayout] = useState<'one' | 'two'>('one');
  const [notices, setNotices] = useState<HouseholdNotice[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef(false);
  // Each build has its number: one started since (another village, a second click) wins.
  const run = useRef(0);

  async function build() {
    const mine = ++run.current;
    stop.current = false;
    setError(null);
    setNotices([]);
    setProgress({ done: 0, total: 0 });
    const got: HouseholdNotice[] = [];
    const on = deskToday();
    for (let offset = 0; ; offset += PAGE) {
      const r = await invoke('print.householdNotices', { coverageYear: year, offset, limit: PAGE, on, ...(villageId ? { villageId } : {}) });
      if (run.current !== mine) return;
      if (!r.ok) {
        setError(r.error.message);
        return setProgress(null);
      }
      got.push(...r.value.notices);
      setProgress({ done: got.length, total: r.value.total });
      if (stop.current) {
        setError(`已取消：只生成了 ${got.length} 户，没有打印。`);
        return setProgress(null);
      }
      if (got.length >= r.value.total) break;
    }
    setNotices(got);
    setProgress(null);
  }

  const busy = progress !== null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="批量通知单的村（社区）"
          allowClear
          placeholder="全部村（社区）"
          disabled={progress !== null}
          value={villageId}
          onChange={(v) => (setVillageId(v), setNotices([]))}
          style={{ width: 180 }}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <Select
          aria-label="每页户数"
          value={layout}
          onChange={setLayout}
          style={{ width: 200 }}
          options={[
            { value: 'one', label: '每户一张' },
            { value: 'two', label: '每张 A4 两户（中间裁切线）' },
          ]}
        />
        <Button type="primary" disabled={busy} onClick={() => void build()}>
          生成通知单
        </Button>
        {notices.length > 0 && (
          <Button type="primary" onClick={() => window.print()}>
            打印 {notices.length} 户
          </Button>
        )}
      </Space>
      {busy && (
        <Space>
          <span>
            正在生成 {progress.done} / {progress.total} 户
          </span>
          <Progress style={{ width: 320 }} percent={progress.total ? Math.floor((progress.done * 100) / progress.total) : 0} status="active" />
          <Button danger onClick={() => (stop.current = true)}>
            取消
          </Button>
        </Space>
      )}
      {error && <Alert type="warning" showIcon message={error} role="alert" />}
      {notices.length > 0 && (
        <div className={`batch ${layout}`} data-testid="batch-notices">
          {notices.map((n) => (
            <HouseholdNoticeDoc key={`${n.villageName}-${n.householdNumber}`} n={n} />
          ))}
        </div>
      )}
    </Space>
  );
}
