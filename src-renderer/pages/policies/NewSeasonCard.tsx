// Starting the next season in one place: its policy (the file of the office's place),
// its targets (last season's until the county's 附件2 comes), and the certifications that end
// before its window closes (for the departments' next lists).
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Select, Space, Typography } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { EndingCategory } from '../../../src-main/api/contract';
import { invoke, saveFile } from '../../api';
import { label, useGlossary } from '../../glossary';
import { useInvoke } from '../../useInvoke';
import { deskToday } from '../../format';
import { SeasonPolicy } from './SeasonPolicy';
import { pageItem } from '../../a11y';

export function NewSeasonCard({ admin, inForce, onChanged }: { admin: boolean; inForce: Record<number, string>; onChanged: () => void }) {
  const g = useGlossary();
  // The season after the office's newest year: where the next notice's policy goes.
  const years = Object.keys(inForce).map(Number);
  const latest = years.length ? Math.max(...years) : Number(deskToday().slice(0, 4));
  const [year, setYear] = useState(latest + 1);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  // Read again when a year's policy is chosen above: the card then says it is chosen.
  const season = useInvoke('season.newYear', { year }, JSON.stringify(inForce));
  const [showEnding, setShowEnding] = useState(false);
  const ending = useInvoke('season.endingCategories', showEnding ? { year } : null);
  const s = season.value;

  async function run<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, text: (v: T) => string) {
    const r = await p;
    setMessage(r.ok ? { type: 'success', text: text(r.value) } : { type: 'error', text: r.error.message });
    season.reload();
    onChanged();
  }

  async function exportEnding() {
    const r = await invoke('export.write', { kind: 'endingCategories', coverageYear: year });
    const saved = r.ok ? await saveFile(r.value.file) : r;
    setMessage(
      saved.ok && r.ok
        ? { type: 'success', text: `已导出到期的资助身份名单，共 ${r.value.rows} 人。` }
        : { type: 'error', text: saved.ok ? '' : saved.error.message },
    );
  }

  return (
    <Card
      title="开始新年度"
      size="small"
      data-testid="new-season"
      extra={
        // The newest year (to look back at what was set), the next, and the one after (a file
        // for it may already be in).
        <Select
          aria-label="新年度"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[latest, latest + 1, latest + 2].map((y) => ({ value: y, label: `${y} 年度` }))}
        />
      }
    >
      {(message || season.error) && <Alert type={message?.type ?? 'error'} showIcon message={message?.text ?? season.error} style={{ marginBottom: 8 }} />}
      {s && (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="适用政策">
            <SeasonPolicy
              s={s}
              admin={admin}
              onChoose={(policyId, name) => void run(invoke('office.setPolicy', { coverageYear: year, policyId }), () => `已为 ${year} 年度选用「${name}」。`)}
            />
          </Descriptions.Item>
          <Descriptions.Item label="各村任务数">
            {s.targets.thisYear.villages > 0 ? (
              `已设 ${s.targets.thisYear.villages} 个村（社区），合计 ${s.targets.thisYear.total} 人`
            ) : (
              <Space wrap>
                尚未设置。
                {s.targets.lastYear.villages > 0 && (
                  <Button
                    size="small"
                    onClick={() =>
                      void run(
                        invoke('targets.copy', { from: year - 1, to: year }),
                        (v) => `已沿用 ${year - 1} 年度任务数：${v.villages} 个村（社区），合计 ${v.total} 人。`,
                      )
                    }
                  >
                    沿用 {year - 1} 年度任务数（{s.targets.lastYear.villages} 个村，合计 {s.targets.lastYear.total} 人）
                  </Button>
                )}
                <Typography.Text type="secondary">县里下达附件2后，在“进度”中导入即可覆盖。</Typography.Text>
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="资助身份到期">
            <Space wrap>
              {s.ending.length === 0 ? `没有在 ${year} 年度集中参保期结束前到期的资助身份。` : s.ending.map((d) => `${d.department} ${d.count} 人`).join('；')}
              {s.ending.length > 0 && (
                <>
                  <Button size="small" onClick={() => setShowEnding(!showEnding)}>
                    {showEnding ? '收起名单' : '查看名单'}
                  </Button>
                  <Button size="small" onClick={() => void exportEnding()}>
                    导出 Excel
                  </Button>
                </>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      {showEnding && ending.value && (
        <PlainTable<EndingCategory>
          style={{ marginTop: 8 }}
          rowKey={(r) => `${r.id}-${r.code}-${r.validTo}`}
          size="small"
          dataSource={ending.value}
          pagination={{ pageSize: 10, showSizeChanger: false, itemRender: pageItem }}
          title={() => '到期的资助身份（请各部门在下一批名单中核实续认）'}
          columns={[
            { title: '认定部门', dataIndex: 'departmentLabel', width: 140 },
            { title: '类别', width: 160, render: (_, r) => label(g.categories, r.code) },
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '身份证号', dataIndex: 'idNumber', width: 180 },
            { title: '村（社区）', dataIndex: 'villageName', width: 110 },
            { title: '有效期至', dataIndex: 'validTo' },
          ]}
        />
      )}
    </Card>
  );
}
