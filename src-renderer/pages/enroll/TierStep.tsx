// Step 3 of the desk: the tiers side by side, a radio group a keyboard and a screen reader can
// use: ←/→ or ↑/↓ and 1/2 choose, Enter moves on with the chosen one.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { Quote } from '../../../src-main/api/contract';
import { yuan } from '../../format';
import { composing } from '../../keys';
import type { Tier } from './desk';
import { BusyButton } from '../../BusyButton';

const NAME: Record<Tier, string> = { 1: '一档', 2: '二档' };

export function TierStep(props: {
  tiers: Tier[];
  quotes: Partial<Record<Tier, Quote | string>>;
  tier: Tier;
  busy: boolean;
  onChoose: (t: Tier) => void;
  onNext: () => void;
}) {
  const { tiers, tier } = props;
  const cards = useRef<Partial<Record<Tier, HTMLDivElement | null>>>({});
  useEffect(() => cards.current[tier]?.focus(), [tier]);

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (composing(e.nativeEvent)) return;
    const at = tiers.indexOf(tier);
    let to: Tier | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') to = tiers[Math.min(at + 1, tiers.length - 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') to = tiers[Math.max(at - 1, 0)];
    else if (e.key === '1' || e.key === '2') to = tiers.find((t) => String(t) === e.key);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (e.key === 'Enter') props.onNext();
      return;
    } else return;
    e.preventDefault();
    if (to) props.onChoose(to);
  }

  return (
    <Row gutter={16}>
      <Col span={24}>
        <div role="radiogroup" aria-label="档次" onKeyDown={onKey} style={{ display: 'flex', gap: 16 }}>
          {tiers.map((t) => {
            const x = props.quotes[t];
            const on = tier === t;
            return (
              <Card
                key={t}
                ref={(el) => void (cards.current[t] = el)}
                role="radio"
                aria-checked={on}
                aria-label={`${NAME[t]}${typeof x === 'object' && x.eligible ? `，个人缴费 ${yuan(x.personalFen)} 元` : ''}`}
                tabIndex={on ? 0 : -1}
                size="small"
                title={`${NAME[t]}（按 ${t}）`}
                onClick={() => props.onChoose(t)}
                className="tier-card"
                style={{ flex: 1, cursor: 'pointer', borderColor: on ? '#1677ff' : undefined, borderWidth: on ? 2 : 1 }}
                data-testid={`tier-${t}`}
              >
                {typeof x === 'string' || !x ? (
                  <Typography.Text type="danger">{x ?? ''}</Typography.Text>
                ) : !x.eligible ? (
                  <Typography.Text type="danger">不能参保：{x.reason}</Typography.Text>
                ) : (
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label="缴费标准">{yuan(x.feeFen)} 元</Descriptions.Item>
                    <Descriptions.Item label="资助">{yuan(x.subsidyFen)} 元</Descriptions.Item>
                    <Descriptions.Item label="个人缴费">
                      <strong>{yuan(x.personalFen)} 元</strong>
                    </Descriptions.Item>
                  </Descriptions>
                )}
              </Card>
            );
          })}
        </div>
      </Col>
      <Col span={24} style={{ marginTop: 12 }}>
        <BusyButton type="primary" busy={props.busy} onClick={props.onNext}>
          选择{NAME[tier]}，下一步（回车）
        </BusyButton>
      </Col>
    </Row>
  );
}
