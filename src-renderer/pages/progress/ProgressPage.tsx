import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Progress, Space, Tag, Upload } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { VillageProgress } from '../../../src-main/api/contract';
import { useAction } from '../../useAction';
import { invoke, uploadFile } from '../../api';
import { percent, rateBp } from '../../format';
import { useInvoke } from '../../useInvoke';
import { useCoverageYears } from '../../years';
import { YearSelect } from '../YearSelect';
import { ColumnsPicker } from '../excel/ColumnsPicker';

export function ProgressPage() {
  const { years, year, setYear } = useCoverageYears();
  const { run, error: failed } = useAction();
  const progress = useInvoke('reports.progress', year ? { coverageYear: year } : null);
  const rows = progress.value ?? [];
  const error = failed ?? progress.error;
  const reload = progress.reload;

  async function setTarget(villageId: number, target: number | null) {
    if (!year || target === null) return;
    if (await run(() => invoke('targets.set', { coverageYear: year, villageId, target }))) reload();
  }

  const [notice, setNotice] = useState<string | null>(null);
  const [picking, setPicking] = useState<string | null>(null);

  // The file is looked at first: a layout the program reads (附件2, 瑞州's table, one mapped before)
  // goes straight in; another waits for the clerk to point at its header and columns.
  async function importTargets(f: File) {
    if (!year) return;
    setPicking(null);
    const up = await run(() => uploadFile(f));
    const cols = up && (await run(() => invoke('import.columns', { kind: 'targets', file: up.file })));
    if (!up || !cols) return;
    const m = cols.mapping;
    if (cols.headerRow !== null && m.village !== undefined && m.target !== undefined) return send(up.file);
    setPicking(up.file);
  }

  async function send(file: string, mapping?: Record<string, number>, headerRow?: number) {
    if (!year) return;
    setPicking(null);
    // The last import's line would read as if this file had gone in too.
    setNotice(null);
    const done = await run(() =>
      invoke('targets.import', {
        coverageYear: year,
        file,
        ...(mapping?.village !== undefined && mapping.target !== undefined ? { mapping: { village: mapping.village, target: mapping.target } } : {}),
        ...(headerRow !== undefined ? { headerRow } : {}),
      }),
    );
    if (!done) return;
    setNotice(`已导入 ${done.villages} 个村（社区）的任务数，合计 ${done.total}。`);
    reload();
  }

  // The first start of each week records where every village began; this retakes it.
  async function snapshot() {
    if (!year) return;
    if (!(await run(() => invoke('targets.snapshot', { coverageYear: year })))) return;
    setNotice('已把现在的参保人数记为本周起点。');
    reload();
  }

  const target = rows.reduce((s, r) => s + r.target, 0);
  const enrolled = rows.reduce((s, r) => s + r.enrolled, 0);
  const hasBands = rows.some((r) => r.deduction !== null);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <YearSelect years={years} year={year} onChange={setYear} />
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Space>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void importTargets(f), false)}>
          <Button disabled={!year}>从附件2导入任务数…</Button>
        </Upload>
        <Button disabled={!year} onClick={() => void snapshot()}>
          重新记录本周起点
        </Button>
        {notice && <span data-testid="progress-notice">{notice}</span>}
      </Space>
      {picking && (
        <ColumnsPicker kind="targets" file={picking} onCancel={() => setPicking(null)} onConfirm={(m, headerRow) => void send(picking, m, headerRow)} />
      )}
      <Card size="small" title="全乡镇">
        <Space size="large">
          <span data-testid="total-progress">
            已参保 {enrolled} / 任务 {target}
          </span>
          <Progress percent={(rateBp(enrolled, target) ?? 0) / 100} style={{ width: 360 }} />
        </Space>
      </Card>
      <PlainTable<VillageProgress>
        rowKey="villageId"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '村（社区）', dataIndex: 'villageName' },
          {
            title: '任务数',
            width: 140,
            render: (_, r) => (
              <InputNumber
                key={`${r.villageId}-${r.target}`}
                aria-label={`${r.villageName}任务数`}
                min={0}
                // No ▲▼ handles: a target of hundreds is typed, not clicked up one by one, and
                // antd names the handles "Increase Value" to a screen reader (↑/↓ still step).
                controls={false}
                defaultValue={r.target}
                onBlur={(e) => void setTarget(r.villageId, Number(e.target.value.replace(/,/g, '')))}
                onPressEnter={(e) => void setTarget(r.villageId, Number((e.target as HTMLInputElement).value.replace(/,/g, '')))}
              />
            ),
          },
          { title: '已参保', dataIndex: 'enrolled', width: 90, align: 'right' },
          { title: '本周新增', width: 90, align: 'right', render: (_, r) => (r.weekStart === null ? '—' : r.enrolled - r.weekStart) },
          {
            title: '上周新增',
            width: 90,
            align: 'right',
            render: (_, r) => (r.weekStart === null || r.lastWeekStart === null ? '—' : r.weekStart - r.lastWeekStart),
          },
          {
            title: '完成率',
            width: 200,
            render: (_, r) =>
              r.rateBp === null ? '—' : <Progress size="small" percent={Math.min(100, r.rateBp / 100)} format={() => percent(r.rateBp, '—')} />,
          },
          { title: '排名', dataIndex: 'rank', width: 70, align: 'center', render: (v: number | null) => v ?? '—' },
          ...(hasBands
            ? [
                {
                  title: '考核扣分',
                  width: 140,
                  render: (_: unknown, r: VillageProgress) =>
                    r.deduction === null ? (
                      '—'
                    ) : r.deduction === 0 ? (
                      '不扣分'
                    ) : (
                      <Tag color={r.interview ? 'red' : 'orange'}>
                        扣 {r.deduction} 分{r.interview ? '，约谈' : ''}
                      </Tag>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
