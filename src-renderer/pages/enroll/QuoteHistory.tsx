// The years before, as the quote read them, and what the clerk may type instead: the person
// paid elsewhere, or lapsed before the years the ledger knows.
import { memo } from 'react';
import { Button, Card, InputNumber, Space, Tag, Tooltip, Typography } from 'antd';
import type { Quote } from '../../../src-main/api/contract';

import type { DeskYears } from './desk';

export type { DeskYears };

type History = NonNullable<Quote['history']>;

const STATE = {
  insured: { color: 'green', word: '已参保' },
  not_insured: { color: 'red', word: '未参保' },
  unknown: { color: 'default', word: '情况不明' },
} as const;

export function YearTags({ years }: { years: History['years'] }) {
  return (
    <Space size={4} wrap>
      {years.map((y) => (
        <Tooltip key={y.year} title={y.source || '没有该年度的参保或缴费记录'}>
          <Tag color={STATE[y.state].color} data-testid={`year-${y.year}`}>
            {y.year} {STATE[y.state].word}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export const QuoteHistoryCard = memo(function QuoteHistoryCard(props: {
  history: History;
  typed: DeskYears;
  onType: (t: DeskYears) => void;
  /** Quotes again with these years (the ones typed, unless given). */
  onRequote: (years?: DeskYears) => void;
}) {
  const { history: h, typed } = props;
  const set = (key: keyof DeskYears, v: number | null) => {
    const next = { ...typed };
    if (v === null) delete next[key];
    else next[key] = v;
    props.onType(next);
  };
  return (
    <Card size="small" title="往年参保情况" style={{ marginBottom: 12 }} data-testid="quote-history">
      <Space direction="vertical" style={{ width: '100%' }}>
        <YearTags years={h.years} />
        <Typography.Text strong data-testid="quote-history-text">
          {h.text}
        </Typography.Text>
        {h.citation && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="quote-history-citation">
            依据：{h.citation}；往年是否参保按台账、导入的缴费记录和医保参保记录推算（本系统解释）
          </Typography.Text>
        )}
        <Space wrap>
          断保年数
          <InputNumber
            aria-label="断保年数"
            min={0}
            max={30}
            precision={0}
            placeholder={`按记录 ${h.typed?.lapsedYears === undefined ? h.lapsedYears : '—'}`}
            value={typed.lapsedYears ?? null}
            onChange={(v) => set('lapsedYears', v)}
            onPressEnter={() => props.onRequote()}
            // antd names the ▲▼ handles "Increase Value" to a screen reader; ↑/↓ still step.
            controls={false}
            style={{ width: 110 }}
          />
          连续参保年数
          <InputNumber
            aria-label="连续参保年数"
            min={0}
            max={60}
            precision={0}
            placeholder={`按记录 ${h.typed?.continuousYears === undefined ? h.continuousYears : '—'}`}
            value={typed.continuousYears ?? null}
            onChange={(v) => set('continuousYears', v)}
            onPressEnter={() => props.onRequote()}
            // antd names the ▲▼ handles "Increase Value" to a screen reader; ↑/↓ still step.
            controls={false}
            style={{ width: 110 }}
          />
          <Button onClick={() => props.onRequote()}>按填写重新计算</Button>
          {(typed.lapsedYears !== undefined || typed.continuousYears !== undefined) && (
            <Button type="link" onClick={() => (props.onType({}), props.onRequote({}))}>
              改回按参保记录
            </Button>
          )}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          不填则按台账、导入的缴费记录和医保参保记录推算；填写的年数会记入操作日志。
        </Typography.Text>
      </Space>
    </Card>
  );
});
