import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Modal, Radio, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { HouseholdNotice, Receipt } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { ReceiptView, type ReceiptPaper } from '../../print/ReceiptView';
import { PaperChoice } from '../../print/PaperChoice';
import { useAction } from '../../useAction';
import { PaymentFields } from './PaymentFields';
import { confirmNoBenefit } from './confirmNoBenefit';
import { FIRST_CHANNEL, type Payment } from './desk';
import { useCoverageYears } from '../../years';
import { dialogOpen, escapeForField } from '../../keys';
import { BusyButton } from '../../BusyButton';

type Member = HouseholdNotice['members'][number];

/**
 * The whole household at once: every member's amounts for both tiers side by side, one tier,
 * date and channel for all, then one receipt per member enrolled and the reason for each skipped.
 */
export function HouseholdEnroll({
  householdId,
  year,
  paper,
  onPaper,
  onBack,
  onDone,
  escapeBack = false,
}: {
  householdId: number;
  year: number;
  paper: ReceiptPaper;
  onPaper: (p: ReceiptPaper) => void;
  onBack: () => void;
  onDone: () => void;
  /** Esc goes back (at the desk), but never while saving or once saved: the receipts stay. */
  escapeBack?: boolean;
}) {
  // The notice with the day it was worked out for: amounts for another day are not saved.
  const [notice, setNotice] = useState<{ on: string; value: HouseholdNotice } | null>(null);
  const [tier, setTier] = useState<1 | 2>(1);
  // A member's own tier where the clerk chose one; the others follow the household's.
  const [own, setOwn] = useState<Record<number, 1 | 2>>({});
  const tierOf = (m: Member) => own[m.personId] ?? tier;
  const [payment, setPayment] = useState<Payment>({ paidOn: dayjs().format('YYYY-MM-DD'), channel: FIRST_CHANNEL });
  // One channel for the whole household; a fully funded member is recorded 零申报 by the main process.
  const channels = useCoverageYears().channelsOf(year).chosen;
  const { paidOn, channel } = payment;
  const { run, error, busy } = useAction();
  const [modal, modalHolder] = Modal.useModal();
  const [result, setResult] = useState<{ receipts: Receipt[]; skipped: { personId: number; name: string; reason: string }[] } | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const fields = useRef<HTMLDivElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const members = notice?.value.members;
  const current = notice?.on === paidOn;

  // Read again after a refusal as stale: the members' versions on screen were out of date.
  const [reread, setReread] = useState(0);
  useEffect(() => {
    let live = true;
    void run(() => invoke('print.householdNotice', { householdId, coverageYear: year, on: paidOn })).then(
      (value) => live && value && setNotice({ on: paidOn, value }),
    );
    return () => void (live = false);
  }, [run, householdId, year, paidOn, reread]);

  const back = useRef({ can: false, onBack });
  back.current = { can: escapeBack && !result && !busy, onBack };
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !back.current.can || dialogOpen() || escapeForField(e)) return;
      e.preventDefault();
      back.current.onBack();
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);
  // By keyboard as at the desk: the focus waits on 保存 once the amounts are shown (on the day
  // if no one is due on it), then on 下一位.
  const shown = notice !== null;
  useEffect(() => {
    if (!shown) return;
    if (saveButton.current?.disabled) fields.current?.querySelector<HTMLInputElement>('input[aria-label="全户缴费日期"]')?.focus();
    else saveButton.current?.focus();
  }, [shown]);
  useEffect(() => void (result && nextButton.current?.focus()), [result]);

  async function save() {
    if (!current || busy) return;
    // As at the desk, the money is taken from one whose benefits start next year only once the
    // clerk says the person was told (docs/rules.md "A wait past 31 December").
    const late = (members ?? []).filter((m) => !m.enrolledReceipt && !m.notDue && m.benefitAfterYear);
    if (late.length) {
      const ok = await confirmNoBenefit(
        modal,
        <div data-testid="household-late">
          {late.map((m) => (
            <div key={m.personId}>
              {m.name}：按规定 {m.benefitAfterYear} 才能开始享受待遇，{year} 参保年度内不能享受。
            </div>
          ))}
          请向参保人说明；确认仍要为他们收取并登记吗？
        </div>,
      );
      if (!ok) return;
    }
    const tiers = Object.entries(own).map(([personId, t]) => ({ personId: Number(personId), tier: t }));
    const seen = (members ?? []).map((m) => ({ personId: m.personId, version: m.version }));
    const r = await run(
      () =>
        invoke('enroll.household', {
          householdId,
          coverageYear: year,
          tier,
          paidOn,
          channel,
          ...(tiers.length ? { tiers } : {}),
          ...(seen.length ? { seen } : {}),
        }),
      (e) => e.field === 'seen' && setReread((n) => n + 1),
    );
    if (!r) return;
    // The receipts are read side by side, in the order enrolled.
    const answers = await Promise.all(r.enrolled.map((e) => invoke('enroll.receipt', { id: e.id })));
    setResult({ receipts: answers.flatMap((a) => (a.ok ? [a.value] : [])), skipped: r.skipped });
  }

  if (result) {
    // Members the table already showed as paid are not news; only the others are a warning.
    const paidBefore = new Set(members?.filter((m) => m.enrolledReceipt).map((m) => m.personId));
    const refused = result.skipped.filter((x) => !paidBefore.has(x.personId));
    const earlier = result.skipped.length - refused.length;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type={refused.length ? 'warning' : 'success'}
          showIcon
          data-testid="household-result"
          message={`已登记 ${result.receipts.length} 人${refused.length ? `，未登记 ${refused.length} 人` : ''}${earlier ? `；${earlier} 人此前已参保` : ''}`}
          description={
            refused.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="household-skipped">
                {refused.map((x) => (
                  <li key={x.personId}>
                    <strong>{x.name}</strong>：{x.reason}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
        <Space>
          <Button type="primary" disabled={!result.receipts.length} onClick={() => window.print()}>
            打印全部凭证（{result.receipts.length} 张）
          </Button>
          <Button ref={nextButton} onClick={onDone}>
            下一位（回车）
          </Button>
          <PaperChoice paper={paper} onChange={onPaper} />
        </Space>
        {result.receipts.map((r) => (
          <ReceiptView key={r.receiptNo} r={r} paper={paper} />
        ))}
      </Space>
    );
  }

  const option = (m: Member, t: 1 | 2) => {
    if (m.enrolledReceipt) return t === 1 ? `已参保（收据 ${m.enrolledReceipt}）` : '';
    if (m.notDue) return t === 1 ? m.notDue : '';
    const o = m.options.find((x) => x.tier === t);
    return o ? `${o.feeYuan} − ${o.subsidyYuan} = ${o.personalYuan} 元` : '';
  };
  const due = members?.filter((m) => !m.enrolledReceipt && !m.notDue) ?? [];
  const total = due.reduce((s, m) => s + Math.round(Number(m.options.find((o) => o.tier === tierOf(m))?.personalYuan ?? 0) * 100), 0);
  return (
    <Card
      size="small"
      title={notice ? `全户参保：${notice.value.villageName} 户号 ${notice.value.householdNumber}（户主 ${notice.value.headName}）` : '全户参保'}
    >
      {modalHolder}
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Table<Member>
        size="small"
        rowKey="idNumber"
        pagination={false}
        dataSource={members ?? []}
        columns={[
          {
            title: '姓名',
            width: 90,
            render: (_, m) =>
              !m.enrolledReceipt && !m.notDue && m.benefitAfterYear ? (
                <>
                  {m.name}
                  <Tag color="warning" style={{ marginInlineEnd: 0 }} title={`按规定 ${m.benefitAfterYear} 才能开始享受待遇`}>
                    本年度不能享受待遇
                  </Tag>
                </>
              ) : (
                m.name
              ),
          },
          { title: '与户主关系', dataIndex: 'relation', width: 90 },
          { title: '资助', render: (_, m) => m.subsidyLabel },
          { title: '一档：标准 − 资助 = 个人缴', render: (_, m) => option(m, 1) },
          { title: '二档：标准 − 资助 = 个人缴', render: (_, m) => option(m, 2) },
          {
            title: '本人档次',
            width: 130,
            render: (_, m) =>
              m.enrolledReceipt || m.notDue ? null : (
                <Radio.Group
                  size="small"
                  aria-label={`${m.name}的档次`}
                  optionType="button"
                  value={tierOf(m)}
                  onChange={(e) => setOwn((o) => ({ ...o, [m.personId]: e.target.value as 1 | 2 }))}
                  options={[
                    { value: 1, label: '一档', disabled: !m.options.some((o) => o.tier === 1) },
                    { value: 2, label: '二档', disabled: !m.options.some((o) => o.tier === 2) },
                  ]}
                />
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap ref={fields}>
        全户档次
        <Radio.Group
          aria-label="全户档次"
          value={tier}
          onChange={(e) => (setTier(e.target.value as 1 | 2), setOwn({}))}
          optionType="button"
          options={[
            { value: 1, label: '一档' },
            { value: 2, label: '二档' },
          ]}
        />
        <PaymentFields value={payment} onChange={(change) => setPayment((p) => ({ ...p, ...change }))} prefix="全户" channels={channels} />
      </Space>
      <div style={{ margin: '12px 0', fontSize: 16 }} data-testid="household-total">
        应参保 {due.length} 人，个人合计缴费 <strong>{(total / 100).toFixed(2)} 元</strong>
      </div>
      <Space>
        <BusyButton ref={saveButton} type="primary" busy={busy || !current} disabled={!due.length} onClick={() => void save()}>
          保存全户并出具凭证
        </BusyButton>
        <Button onClick={onBack}>返回</Button>
      </Space>
    </Card>
  );
}
