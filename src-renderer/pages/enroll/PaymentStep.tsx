// Step 4 of the desk: the amount for the day and channel typed, recalculated as they change, and
// 保存 waiting on it. What the person alone can tell (the years before, a special date) is here too.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { yuan } from '../../format';
import { label, useGlossary } from '../../glossary';
import { DeskFactsCard } from './DeskFactsCard';
import { PaymentFields } from './PaymentFields';
import { QuoteHistoryCard, type DeskYears } from './QuoteHistory';
import { quoteCurrent, shownChannel, type DeskAction, type DeskState } from './desk';
import { BusyButton } from '../../BusyButton';

export function PaymentStep(props: {
  desk: DeskState;
  dispatch: (a: DeskAction) => void;
  busy: boolean;
  /** The year's ways of paying a clerk chooses from. */
  channels: readonly string[];
  onRequote: (years?: DeskYears) => void;
  onSave: () => void;
}) {
  const g = useGlossary();
  const { desk, dispatch } = props;
  const quote = desk.quote!;
  const current = quoteCurrent(desk);
  // The same props while nothing of theirs changed: the busy flag of 保存 draws only the button,
  // not the day pickers again (on an old PC that was most of a save's 250 ms).
  const channel = shownChannel(desk);
  const payment = useMemo(() => ({ ...desk.payment, channel }), [desk.payment, channel]);
  const onPayment = useCallback((change: Partial<DeskState['payment']>) => dispatch({ type: 'payment', change }), [dispatch]);
  const onYears = useCallback((years: DeskYears) => dispatch({ type: 'years', years }), [dispatch]);
  const onDates = useCallback((dates: DeskState['dates']) => dispatch({ type: 'dates', dates }), [dispatch]);
  const { onRequote } = props;
  const requoteAsTyped = useCallback(() => onRequote(), [onRequote]);
  const save = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLDivElement>(null);
  // Nothing to save (too late on this day, most often): the focus goes to the day instead.
  useEffect(() => (save.current ?? card.current?.querySelector('input'))?.focus(), []);
  return (
    <Card size="small" ref={card}>
      <Space style={{ marginBottom: 12 }} wrap>
        <PaymentFields value={payment} channels={props.channels} onChange={onPayment} />
        <Button onClick={requoteAsTyped}>重新计算</Button>
      </Space>
      {quote.eligible ? (
        <Result
          status="success"
          style={{ opacity: current ? 1 : 0.45 }}
          title={`个人缴费 ${yuan(quote.personalFen)} 元${quote.zeroDeclaration ? '（零申报）' : ''}${current ? '' : '（正在重新计算…）'}`}
          subTitle={`${quote.tier === 2 ? '二档' : '一档'}，缴费标准 ${yuan(quote.feeFen)} 元，资助 ${yuan(quote.subsidyFen)} 元${quote.category ? `（${label(g.categories, quote.category)}，${label(g.departments, quote.department)}）` : ''}；待遇期 ${quote.benefitStart} 至 ${quote.benefitEnd}`}
          extra={
            <BusyButton ref={save} type="primary" busy={props.busy} onClick={props.onSave}>
              保存并出具凭证（回车）
            </BusyButton>
          }
        />
      ) : (
        <Alert type="error" showIcon message="不能参保" description={quote.reason} />
      )}
      {quote.history && <QuoteHistoryCard history={quote.history} typed={desk.years} onType={onYears} onRequote={onRequote} />}
      <DeskFactsCard facts={desk.dates} onChange={onDates} onRequote={requoteAsTyped} />
      {quote.comparison.length > 1 && (
        <Typography.Paragraph>就高比较：{quote.comparison.map((c) => `${c.label} ${yuan(c.subsidyFen)} 元`).join('；')}</Typography.Paragraph>
      )}
      {quote.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        依据：{[...new Set(quote.basis.map((b) => `${b.citation}${b.ruling ? '（本系统解释）' : ''}`))].join('；')}
      </Typography.Paragraph>
    </Card>
  );
}
