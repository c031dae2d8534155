import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Progress, Select, Space } from 'antd';
import type { HouseholdNotice, NoticeJob, Village } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { useInvoke } from '../../useInvoke';
import { HouseholdNoticeDoc } from './documents';
import { sheetsOf } from './sheets';

const PAGE = 100;
/** A4 less the batch page's margins (12 mm top and bottom), and the gap around the cut line. */
const SHEET_MM = 273;
const CUT_GAP_MM = 6;
const PX_PER_MM = 96 / 25.4;

const jobName = (j: NoticeJob, i: number, all: number) =>
  `${all > 1 ? `第 ${i + 1} 批：` : ''}${j.villageName} 户号 ${j.from}${j.to !== j.from ? ` 至 ${j.to}` : ''}（${j.count} 户）`;

/**
 * A village's (or the whole township's) household notices, as print jobs the clerk starts one
 * after another: a village at a time, at most 500 households a job (print.noticeJobs), so the
 * page holds one job's papers and each job's sheets are numbered in their own run. A job is
 * fetched a hundred at a time with progress and 取消, in household-number order, one household
 * per sheet or two per A4 with a cut line between.
 */
export function BatchNotices({ year, villages }: { year: number; villages: Village[] }) {
  const [villageId, setVillageId] = useState<number | undefined>();
  const [layout, setLayout] = useState<'one' | 'two'>('one');
  // A batch goes out to collect money: households with no one left to pay are left out unless asked for.
  const [owingOnly, setOwingOnly] = useState(true);
  const jobs = useInvoke('print.noticeJobs', villageId ? { villageId } : {}).value ?? [];
  const [jobIndex, setJobIndex] = useState(0);
  const [printedJobs, setPrintedJobs] = useState<ReadonlySet<number>>(new Set());
  const [built, setBuilt] = useState<{ job: number; notices: HouseholdNotice[]; skipped: number } | null>(null);
  // Each notice's height as laid out (mm), measured once shown: two share a sheet only if both fit half.
  const [heights, setHeights] = useState<number[] | null>(null);
  const batchRef = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef(false);
  // Each build has its number: one started since (another village, a second click) wins.
  const run = useRef(0);
  const notices = built?.notices ?? [];

  function reset() {
    run.current++;
    setBuilt(null);
    setHeights(null);
    setProgress(null);
  }
  // Another village (or the township): its own jobs, from the first.
  useEffect(() => {
    setJobIndex(0);
    setPrintedJobs(new Set());
  }, [villageId]);

  async function build() {
    const job = jobs[jobIndex];
    if (!job) return;
    const mine = ++run.current;
    stop.current = false;
    setError(null);
    setBuilt(null);
    setHeights(null);
    setProgress({ done: 0, total: job.count });
    const got: HouseholdNotice[] = [];
    let left = 0;
    const on = deskToday();
    for (let done = 0; done < job.count; done += PAGE) {
      const r = await invoke('print.householdNotices', {
        coverageYear: year,
        villageId: job.villageId,
        offset: job.offset + done,
        limit: Math.min(PAGE, job.count - done),
        on,
        owing: owingOnly,
      });
      if (run.current !== mine) return;
      if (!r.ok) {
        setError(r.error.message);
        return setProgress(null);
      }
      got.push(...r.value.notices);
      left += r.value.skipped;
      setProgress({ done: Math.min(done + PAGE, job.count), total: job.count });
      if (stop.current) {
        setError(`已取消：只生成了 ${got.length} 户，没有打印。`);
        return setProgress(null);
      }
    }
    setBuilt({ job: jobIndex, notices: got, skipped: left });
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

  // The print dialog says nothing of whether it printed: the job is ticked off and its papers
  // stay for a second print (a jam, a cancelled dialog) until the clerk moves on.
  function print() {
    if (!built) return;
    window.print();
    setPrintedJobs(new Set(printedJobs).add(built.job));
  }
  const nextJob = jobs.findIndex((_, i) => !printedJobs.has(i) && i !== jobIndex);

  const busy = progress !== null;
  const total = jobs.reduce((s, j) => s + j.count, 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="批量通知单的村（社区）"
          allowClear
          placeholder="全部村（社区）"
          disabled={busy}
          value={villageId}
          onChange={(v) => (setVillageId(v), reset())}
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
        <Checkbox checked={owingOnly} disabled={busy} onChange={(e) => (setOwingOnly(e.target.checked), reset())}>
          只打印还有人要缴费的户
        </Checkbox>
      </Space>
      {jobs.length > 1 && (
        <Space wrap>
          <span data-testid="batch-jobs">
            共 {total} 户，分 {jobs.length} 批打印（每村一批，每批最多 500 户），每批的页码自成一套。
          </span>
          <Select
            aria-label="打印批次"
            disabled={busy}
            value={jobIndex}
            onChange={(i) => (setJobIndex(i), reset())}
            style={{ width: 360 }}
            options={jobs.map((j, i) => ({ value: i, label: `${jobName(j, i, jobs.length)}${printedJobs.has(i) ? '（已打印）' : ''}` }))}
          />
        </Space>
      )}
      <Space wrap>
        <Button type="primary" disabled={busy || !jobs.length} onClick={() => void build()}>
          生成通知单{jobs.length > 1 ? `（第 ${jobIndex + 1} 批）` : ''}
        </Button>
        {notices.length > 0 && (
          <Button type="primary" onClick={print}>
            打印 {notices.length} 户（{sheets.length} 张）
          </Button>
        )}
        {jobs.length > 1 && printedJobs.has(jobIndex) && nextJob !== -1 && !busy && (
          <Button onClick={() => (setJobIndex(nextJob), reset())}>下一批（第 {nextJob + 1} 批）</Button>
        )}
        {built && built.skipped > 0 && !busy && <span data-testid="batch-skipped">另有 {built.skipped} 户已无人需要缴费，未生成。</span>}
        {built && !notices.length && !busy && <span data-testid="batch-none">这一批没有还要缴费的户。</span>}
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
