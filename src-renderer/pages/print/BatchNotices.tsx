import { useLayoutEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Progress, Select, Space } from 'antd';
import type { HouseholdNotice, Village } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { HouseholdNoticeDoc } from './documents';
import { sheetsOf } from './sheets';

const PAGE = 100;
/** A4 less the batch page's margins (12 mm top and bottom), and the gap around the cut line. */
const SHEET_MM = 273;
const CUT_GAP_MM = 6;
const PX_PER_MM = 96 / 25.4;

/**
 * A village's (or the whole township's) household notices in one print: fetched a hundred at a
 * time with progress and 取消, in household-number order, one household per sheet or two per
 * A4 with a cut line between.
 */
export function BatchNotices({ year, villages }: { year: number; villages: Village[] }) {
  const [villageId, setVillageId] = useState<number | undefined>();
  const [layout, setLayout] = useState<'one' | 'two'>('one');
  // A batch goes out to collect money: households with no one left to pay are left out unless asked for.
  const [owingOnly, setOwingOnly] = useState(true);
  const [skipped, setSkipped] = useState(0);
  // Each notice's height as laid out (mm), measured once shown: two share a sheet only if both fit half.
  const [heights, setHeights] = useState<number[] | null>(null);
  const batchRef = useRef<HTMLDivElement>(null);
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
    setHeights(null);
    setSkipped(0);
    setProgress({ done: 0, total: 0 });
    const got: HouseholdNotice[] = [];
    let left = 0;
    const on = deskToday();
    for (let offset = 0; ; offset += PAGE) {
      const r = await invoke('print.householdNotices', {
        coverageYear: year,
        offset,
        limit: PAGE,
        on,
        owing: owingOnly,
        ...(villageId ? { villageId } : {}),
      });
      if (run.current !== mine) return;
      if (!r.ok) {
        setError(r.error.message);
        return setProgress(null);
      }
      got.push(...r.value.notices);
      left += r.value.skipped;
      setProgress({ done: Math.min(offset + PAGE, r.value.total), total: r.value.total });
      if (stop.current) {
        setError(`已取消：只生成了 ${got.length} 户，没有打印。`);
        return setProgress(null);
      }
      if (offset + PAGE >= r.value.total) break;
    }
    setNotices(got);
    setSkipped(left);
    setProgress(null);
  }

  // Laid out at the sheet's width (the batch's CSS), each notice is measured before pairing.
  useLayoutEffect(() => {
    if (!notices.length || heights) return;
    const papers = batchRef.current?.querySelectorAll<HTMLElement>('[data-testid=household-notice]') ?? [];
    setHeights([...papers].map((p) => p.getBoundingClientRect().height / PX_PER_MM));
  }, [notices, heights]);
  const half = (SHEET_MM - CUT_GAP_MM) / 2;
  const sheets = layout === 'two' && heights ? sheetsOf(heights, half) : notices.map((_, i) => [i]);

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
          onChange={(v) => (setVillageId(v), setNotices([]), setHeights(null))}
          style={{ width: 180 }}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <Select
          aria-label="每页户数"
          value={layout}
          onChange={setLayout}
          style={{ width: 240 }}
          options={[
            { value: 'one', label: '每户一张' },
            { value: 'two', label: '每张 A4 两户（中间裁切线）' },
          ]}
        />
        <Checkbox checked={owingOnly} disabled={busy} onChange={(e) => (setOwingOnly(e.target.checked), setNotices([]), setHeights(null))}>
          只打印还有人要缴费的户
        </Checkbox>
        <Button type="primary" disabled={busy} onClick={() => void build()}>
          生成通知单
        </Button>
        {notices.length > 0 && (
          <Button type="primary" onClick={() => window.print()}>
            打印 {notices.length} 户（{sheets.length} 张）
          </Button>
        )}
        {skipped > 0 && !busy && <span data-testid="batch-skipped">另有 {skipped} 户已无人需要缴费，未生成。</span>}
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
        <div className={`batch ${layout}`} data-testid="batch-notices" ref={batchRef}>
          {sheets.map((sheet) => (
            <div key={sheet[0]} className={sheet.length > 1 ? 'sheet pair' : 'sheet'} data-testid="batch-sheet">
              {sheet.map((i) => (
                <HouseholdNoticeDoc key={i} n={notices[i]!} />
              ))}
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
