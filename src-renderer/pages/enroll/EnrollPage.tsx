import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Input, List, Modal, Result, Row, Select, Space, Steps, Tag, Typography } from 'antd';
import { QuoteHistoryCard, type DeskYears } from './QuoteHistory';
import { DeskFactsCard, type DeskDates } from './DeskFactsCard';
import type { InputRef } from 'antd';
import dayjs from 'dayjs';
import type { ApiOutput, PersonSummary, Quote, Receipt } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { yuan } from '../../format';
import { label, useGlossary } from '../../glossary';
import { ReceiptView } from '../../print/ReceiptView';
import { PaperChoice, useReceiptPaper } from '../../print/PaperChoice';
import { NewPersonModal } from '../roster/NewPersonModal';
import { CHANNELS } from './channels';
import { DayPicker } from '../DayPicker';
import { HouseholdEnroll } from './HouseholdEnroll';
import { useCoverageYears } from '../../years';
import { YearSelect } from '../YearSelect';
import { keyForControl } from '../../keys';

const STEPS = ['选择人员', '核对信息', '选择档次', '缴费', '完成'];

export function EnrollPage() {
  const g = useGlossary();
  const { paper, choose: choosePaper } = useReceiptPaper();
  const [adding, setAdding] = useState(false);
  const [step, setStep] = useState(0);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonSummary[]>([]);
  // The match ↑/↓ chose (many share a name or the last digits); Enter takes it.
  const [chosen, setChosen] = useState(0);
  const [detail, setDetail] = useState<ApiOutput<'roster.getPerson'> | null>(null);
  const { years, year, setYear, alsoOpen, tiers } = useCoverageYears();
  const [household, setHousehold] = useState(false);
  const [tier, setTier] = useState<1 | 2>(1);
  const [tierQuotes, setTierQuotes] = useState<Record<number, Quote | string>>({});
  const [paidOn, setPaidOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [channel, setChannel] = useState('现金');
  const [quote, setQuote] = useState<Quote | null>(null);
  // What the clerk typed over the history; empty means the ledger's reading.
  const [deskYears, setDeskYears] = useState<DeskYears>({});
  const [deskDates, setDeskDates] = useState<DeskDates>({});
  const [error, setError] = useState<string | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const box = useRef<InputRef>(null);

  useEffect(() => box.current?.focus(), []);
  // Said on the page for the screen keys (App): F2 midway through a payment asks first.
  useEffect(() => {
    document.body.dataset.deskStep = String(step);
    return () => void delete document.body.dataset.deskStep;
  }, [step]);

  useEffect(() => {
    const t = setTimeout(
      () =>
        void invoke('roster.search', { q, limit: 10 }).then((r) => {
          if (!r.ok) return;
          setFound(r.value);
          setChosen(0);
        }),
      120,
    );
    return () => clearTimeout(t);
  }, [q]);

  const person = detail?.person;
  // Said before the cash is taken, not at the last step: this person has paid for the year.
  const paid = detail?.enrollments.find((e) => e.status === 'active' && e.coverageYear === year) ?? null;

  async function pick(id: number) {
    const r = await invoke('roster.getPerson', { id });
    if (!r.ok) return setError(r.error.message);
    setDetail(r.value);
    setDeskYears({});
    setDeskDates({});
    setError(null);
    setStep(1);
  }

  async function loadTiers() {
    if (!person || !year || paid) return;
    const out: Record<number, Quote | string> = {};
    for (const t of tiers) {
      const r = await invoke('enroll.quote', { personId: person.id, coverageYear: year, tier: t, paidOn, ...deskYears, ...deskDates });
      out[t] = r.ok ? r.value : r.error.message;
    }
    setTierQuotes(out);
    setStep(2);
  }

  async function loadQuote(years: DeskYears = deskYears) {
    if (!person || !year) return;
    const r = await invoke('enroll.quote', { personId: person.id, coverageYear: year, tier, paidOn, channel, ...years, ...deskDates });
    if (!r.ok) return setError(r.error.message);
    setQuote(r.value);
    // Nothing to pay is not paid in cash: a fully funded person is 零申报 (the 缴费日报 counts by channel).
    if (r.value.eligible && r.value.personalFen === 0) setChannel('零申报');
    else if (channel === '零申报') setChannel('现金');
    setError(null);
    setStep(3);
  }

  async function save() {
    if (!person || !year || !quote?.eligible) return;
    // Benefits only after the year ends (rules.md, third reading): asked before the money is taken.
    if (quote.benefitStart && quote.benefitEnd && quote.benefitStart > quote.benefitEnd) {
      const ok = await modal.confirm({
        title: '缴费后本年度内不能享受待遇',
        content: `按规定 ${quote.benefitStart} 才能开始享受待遇，${year} 参保年度到 ${quote.benefitEnd} 结束，本年度缴费后不能享受待遇。请向参保人说明；确认仍要收取 ${yuan(quote.personalFen)} 元并登记吗？`,
        okText: '已说明，仍登记',
        cancelText: '不登记',
      });
      if (!ok) return;
    }
    const r = await invoke('enroll.person', {
      personId: person.id,
      coverageYear: year,
      tier,
      paidOn,
      channel,
      ...deskYears,
      ...deskDates,
      seen: person.version,
    });
    if (!r.ok) {
      // Another window changed the person since they were shown: read them again and check anew.
      if (r.error.field === 'seen') {
        const again = await invoke('roster.getPerson', { id: person.id });
        if (again.ok) {
          setDetail(again.value);
          setQuote(null);
          setStep(1);
        }
      }
      return setError(r.error.message);
    }
    const rc = await invoke('enroll.receipt', { id: r.value.id });
    if (rc.ok) setReceipt(rc.value);
    setError(null);
    setStep(4);
  }

  function restart() {
    setHousehold(false);
    setStep(0);
    setQ('');
    setDetail(null);
    setQuote(null);
    setReceipt(null);
    setTier(1);
    setDeskYears({});
    setDeskDates({});
    setTimeout(() => box.current?.focus());
  }

  // Enter moves on, Esc goes back: the clerk keeps her hands on the keyboard. Listened to
  // on the window, since the focused field of the last step is gone once the step changes.
  function onKey(e: globalThis.KeyboardEvent) {
    if (adding || household || (e.target as HTMLElement).closest('.ant-select, .ant-picker, .ant-modal, .ant-input-number')) return;
    // Enter (and 1/2) on a button, a checkbox or in an input method's composition is that control's own.
    if (e.key !== 'Escape' && keyForControl(e)) return;
    if (e.key === 'Escape' && step > 0 && step < 4) {
      e.preventDefault();
      setStep(step - 1);
    } else if (e.key === 'Enter') {
      if (step === 0 && found[chosen]) void pick(found[chosen].id);
      else if (step === 1) void loadTiers();
      else if (step === 2) void loadQuote();
      else if (step === 3) void save();
      else if (step === 4) restart();
    } else if (step === 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && found.length) {
      // Focus stays in the box; the chosen row is marked.
      e.preventDefault();
      setChosen((c) => (e.key === 'ArrowDown' ? Math.min(c + 1, found.length - 1) : Math.max(c - 1, 0)));
    } else if (step === 2 && (e.key === '1' || e.key === '2') && tiers.includes(Number(e.key) as 1 | 2)) setTier(Number(e.key) as 1 | 2);
  }

  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const h = (e: globalThis.KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  return (
    <div style={{ maxWidth: 1000 }}>
      {modalHolder}
      <Steps current={step} items={STEPS.map((title) => ({ title }))} style={{ marginBottom: 24 }} />
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}

      {step === 0 && (
        <Card size="small">
          <div style={{ marginBottom: 12 }}>
            <YearSelect years={years} year={year} onChange={setYear} />
            {alsoOpen && (
              <Typography.Text type="warning" style={{ marginLeft: 12 }} data-testid="also-open">
                {alsoOpen.coverageYear} 年度也还在缴费期（{alsoOpen.openWindow!.label}，至 {alsoOpen.openWindow!.to}）：为该年度缴费的，请先切换参保年度。
              </Typography.Text>
            )}
          </div>
          <Input
            ref={box}
            size="large"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="身份证号、末几位、姓名或拼音首字母；↑↓ 选择，回车确定"
            aria-label="查找参保人"
          />
          <List
            size="small"
            dataSource={found}
            renderItem={(p, i) => (
              <List.Item
                onClick={() => void pick(p.id)}
                aria-selected={i === chosen}
                data-chosen={i === chosen || undefined}
                style={{ cursor: 'pointer', background: i === chosen && found.length > 1 ? '#e6f4ff' : undefined }}
              >
                {p.name}，{p.idNumber}，{p.villageName} 户号 {p.householdNumber}
              </List.Item>
            )}
          />
          <Button type="link" onClick={() => setAdding(true)} style={{ paddingLeft: 0 }}>
            没有找到？登记新人员
          </Button>
          <NewPersonModal
            open={adding}
            typed={q}
            onClose={() => setAdding(false)}
            onCreated={(p) => {
              setAdding(false);
              void pick(p.id);
            }}
          />
        </Card>
      )}

      {step === 1 && household && person && year && (
        <HouseholdEnroll householdId={person.householdId} year={year} paper={paper} onPaper={choosePaper} onBack={() => setHousehold(false)} onDone={restart} />
      )}

      {step === 1 && !household && person && detail && (
        <Card size="small" title={`${person.name}（${person.idNumber}）`}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="村（社区）">{person.villageName}</Descriptions.Item>
            <Descriptions.Item label="参保范围">{label(g.residences, person.residence)}</Descriptions.Item>
            <Descriptions.Item label="状态">{label(g.statuses, person.status)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph>
            持有的资助身份：
            {detail.categories
              .filter((c) => !c.validTo || c.validTo >= paidOn)
              .map((c) => (
                <Tag key={c.id}>{label(g.categories, c.code)}</Tag>
              ))}
            {!detail.categories.length && '无'}
          </Typography.Paragraph>
          {paid && (
            <Alert
              style={{ marginBottom: 12 }}
              type="warning"
              showIcon
              data-testid="already-enrolled"
              message={`「${person.name}」已登记 ${paid.coverageYear} 年度参保：收据号 ${paid.receiptNo}，${paid.paidOn} 缴费 ${yuan(paid.personalFen)} 元（${paid.channel}）。`}
              description="不要重复收费。如需更改档次或金额，请在“花名册”中打开此人，作废原记录后重新登记。"
            />
          )}
          <Space>
            <Button type="primary" disabled={!!paid} onClick={() => void loadTiers()}>
              下一步（回车）
            </Button>
            <Button onClick={() => setHousehold(true)}>全户参保</Button>
          </Space>
        </Card>
      )}

      {step === 2 && (
        <Row gutter={16}>
          {tiers.map((t) => {
            const x = tierQuotes[t];
            return (
              <Col span={12} key={t}>
                <Card
                  size="small"
                  title={`${t === 1 ? '一档' : '二档'}（按 ${t}）`}
                  onClick={() => setTier(t)}
                  style={{ cursor: 'pointer', borderColor: tier === t ? '#1677ff' : undefined, borderWidth: tier === t ? 2 : 1 }}
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
              </Col>
            );
          })}
          <Col span={24} style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void loadQuote()}>
              选择{tier === 1 ? '一档' : '二档'}，下一步（回车）
            </Button>
          </Col>
        </Row>
      )}

      {step === 3 && quote && (
        <Card size="small">
          <Space style={{ marginBottom: 12 }}>
            缴费日期
            <DayPicker label="缴费日期" value={paidOn} onChange={setPaidOn} />
            缴费方式
            <Select
              aria-label="缴费方式"
              value={channel}
              onChange={setChannel}
              style={{ width: 160 }}
              options={CHANNELS.map((c) => ({ value: c, label: c }))}
            />
            <Button onClick={() => void loadQuote()}>重新计算</Button>
          </Space>
          {quote.eligible ? (
            <Result
              status="success"
              title={`个人缴费 ${yuan(quote.personalFen)} 元${quote.zeroDeclaration ? '（零申报）' : ''}`}
              subTitle={`${quote.tier === 2 ? '二档' : '一档'}，缴费标准 ${yuan(quote.feeFen)} 元，资助 ${yuan(quote.subsidyFen)} 元${quote.category ? `（${label(g.categories, quote.category)}，${label(g.departments, quote.department)}）` : ''}；待遇期 ${quote.benefitStart} 至 ${quote.benefitEnd}`}
              extra={
                <Button type="primary" onClick={() => void save()}>
                  保存并出具凭证（回车）
                </Button>
              }
            />
          ) : (
            <Alert type="error" showIcon message="不能参保" description={quote.reason} />
          )}
          {quote.history && <QuoteHistoryCard history={quote.history} typed={deskYears} onType={setDeskYears} onRequote={(y) => void loadQuote(y)} />}
          <DeskFactsCard facts={deskDates} onChange={setDeskDates} onRequote={() => void loadQuote()} />
          {quote.comparison.length > 1 && (
            <Typography.Paragraph>就高比较：{quote.comparison.map((c) => `${c.label} ${yuan(c.subsidyFen)} 元`).join('；')}</Typography.Paragraph>
          )}
          {quote.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
          ))}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            依据：{quote.basis.map((b) => `${b.citation}${b.ruling ? '（本系统解释）' : ''}`).join('；')}
          </Typography.Paragraph>
        </Card>
      )}

      {step === 4 && receipt && (
        <Space direction="vertical">
          <Space>
            <Button type="primary" onClick={() => window.print()}>
              打印凭证
            </Button>
            <Button onClick={restart}>下一位（回车）</Button>
            <PaperChoice paper={paper} onChange={choosePaper} />
          </Space>
          <ReceiptView r={receipt} paper={paper} />
        </Space>
      )}
    </div>
  );
}
