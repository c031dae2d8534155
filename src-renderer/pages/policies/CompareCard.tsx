// Two notices side by side: what this year's notice changed from last year's, each line with
// the clause of each. Opens on the office's two latest years.
import { useState } from 'react';
import { Alert, Card, Segmented, Select, Space, Tag, Typography } from 'antd';
import { PlainTable } from '../../PlainTable';
import type { PolicyChange, PolicySummary } from '../../../src-main/api/contract';
import { useInvoke } from '../../useInvoke';
import { pageItem } from '../../a11y';

const TOPIC_COLORS: Record<string, string> = { 缴费标准: 'blue', 财政补助: 'cyan', 缴费时段: 'geekblue', 资助标准: 'green', 等待期: 'orange', 待遇: 'purple' };

export function CompareCard({ policies, inForce }: { policies: PolicySummary[]; inForce: Record<number, string> }) {
  const years = Object.keys(inForce).map(Number).sort();
  // Only the clerk's own picks are kept: until then the two latest years, as they change.
  const [before, setBefore] = useState<string | undefined>();
  const [after, setAfter] = useState<string | undefined>();
  const [topic, setTopic] = useState('全部');
  const pick = before ?? (years.length > 1 ? inForce[years.at(-2)!] : undefined);
  const next = after ?? inForce[years.at(-1) ?? -1];
  const changes = useInvoke('policies.compare', pick && next ? { before: pick, after: next } : null);
  const options = policies.filter((p) => !p.abstract).map((p) => ({ value: p.id, label: p.name }));
  const name = (id: string | undefined) => policies.find((p) => p.id === id);

  return (
    <Card title="两份政策对比" size="small" data-testid="policy-compare">
      {/* One above the other: each policy's full name fits its box. */}
      <Space direction="vertical" style={{ marginBottom: 8 }}>
        <Space>
          原政策
          <Select
            aria-label="原政策"
            style={{ width: 560 }}
            placeholder="请选择"
            value={pick}
            onChange={setBefore}
            options={options}
            listHeight={options.length * 32 + 8}
          />
        </Space>
        <Space>
          新政策
          <Select
            aria-label="新政策"
            style={{ width: 560 }}
            placeholder="请选择"
            value={next}
            onChange={setAfter}
            options={options}
            listHeight={options.length * 32 + 8}
          />
        </Space>
      </Space>
      {changes.error && <Alert type="error" showIcon message={changes.error} />}
      {changes.value && changes.value.length > 0 && (
        <Segmented
          style={{ marginBottom: 8 }}
          value={topic}
          onChange={(v) => setTopic(String(v))}
          options={['全部', ...Object.keys(TOPIC_COLORS)].map((t) => ({
            value: t,
            label: t === '全部' ? `全部（${changes.value!.length}）` : `${t}（${changes.value!.filter((c) => c.topic === t).length}）`,
          }))}
        />
      )}
      {pick && next && changes.value && (
        <PlainTable<PolicyChange>
          rowKey={(c) => `${c.topic}|${c.item}`}
          size="small"
          pagination={{ pageSize: 12, showSizeChanger: false, hideOnSinglePage: true, itemRender: pageItem }}
          dataSource={topic === '全部' ? changes.value : changes.value.filter((c) => c.topic === topic)}
          locale={{ emptyText: '两份政策的缴费、资助、时段、等待期和待遇规定相同。' }}
          title={() => `${name(pick)?.coverageYear ?? ''} 年度 → ${name(next)?.coverageYear ?? ''} 年度：${changes.value!.length} 处不同`}
          columns={[
            { title: '类别', width: 90, render: (_, c) => <Tag color={TOPIC_COLORS[c.topic]}>{c.topic}</Tag> },
            { title: '项目', dataIndex: 'item', width: 220 },
            {
              title: '原政策',
              render: (_, c) => (
                <>
                  <div>{c.before}</div>
                  {c.citeBefore && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.citeBefore}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: '新政策',
              render: (_, c) => (
                <>
                  <div>
                    <strong>{c.after}</strong>
                  </div>
                  {c.citeAfter && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.citeAfter}
                    </Typography.Text>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
