import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, InputNumber, Progress, Space, Table, Tag } from 'antd';
import type { VillageProgress } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { percent } from '../../format';
import { useCoverageYears } from '../../years';
import { YearSelect } from '../YearSelect';


export function ProgressPage() {
  const { years, year, setYear } = useCoverageYears();
  const [rows, setRows] = useState<VillageProgress[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!year) return;
    const r = await invoke('reports.progress', { coverageYear: year });
    if (r.ok) setRows(r.value);
    else setError(r.error.message);
  }, [year]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function setTarget(villageId: number, target: number | null) {
    if (!year || target === null) return;
    const r = await invoke('targets.set', { coverageYear: year, villageId, target });
    if (r.ok) {
      setError(null);
      await reload();
    } else setError(r.error.message);
  }

  const target = rows.reduce((s, r) => s + r.target, 0);
  const enrolled = rows.reduce((s, r) => s + r.enrolled, 0);
  const hasBands = rows.some((r) => r.deduction !== null);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <YearSelect years={years} year={year} onChange={setYear} />
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Card size="small" title="全乡镇">
        <Space size="large">
          <span data-testid="total-progress">
            已参保 {enrolled} / 任务 {target}
          </span>
          <Progress percent={target ? Math.floor((enrolled * 10000) / target) / 100 : 0} style={{ width: 360 }} />
        </Space>
      </Card>
      <Table<VillageProgress>
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
              <InputNumber key={`${r.villageId}-${r.target}`} aria-label={`${r.villageName}任务数`} min={0} defaultValue={r.target} onBlur={(e) => void setTarget(r.villageId, Number(e.target.value.replace(/,/g, '')))} onPressEnter={(e) => void setTarget(r.villageId, Number((e.target as HTMLInputElement).value.replace(/,/g, '')))} />
            ),
          },
          { title: '已参保', dataIndex: 'enrolled', width: 100, align: 'right' },
          { title: '完成率', width: 200, render: (_, r) => (r.rateBp === null ? '—' : <Progress size="small" percent={Math.min(100, r.rateBp / 100)} format={() => percent(r.rateBp, '—')} />) },
          { title: '排名', dataIndex: 'rank', width: 70, align: 'center', render: (v: number | null) => v ?? '—' },
          ...(hasBands
            ? [
                {
                  title: '考核扣分',
                  width: 140,
                  render: (_: unknown, r: VillageProgress) => (r.deduction === null ? '—' : r.deduction === 0 ? '不扣分' : <Tag color={r.interview ? 'red' : 'orange'}>扣 {r.deduction} 分{r.interview ? '，约谈' : ''}</Tag>),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
