import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import type { PaymentCandidate, PendingPayment } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { yuan } from '../../format';
import { useInvoke } from '../../useInvoke';
import { BusyButton } from '../../BusyButton';

/** What the file says was paid: the person's part, the department's (代缴), or both. */
export function paidText(p: PendingPayment): string {
  const parts = [p.amountFen !== null ? `个人 ${yuan(p.amountFen)} 元` : '', p.subsidyFen !== null ? `代缴 ${yuan(p.subsidyFen)} 元` : ''].filter(Boolean);
  return `${parts.join('，')}${p.categoryLabel ? `（${p.categoryLabel}）` : ''}`;
}

/**
 * One 待核实 payment: who it may belong to (the ledger's candidates, each quoted in both tiers),
 * then either recorded against the chosen person and tier (the quote decides the amounts; a
 * difference from the file is shown and needs its reason) or dismissed with a reason.
 */
export function SettlePayment({ pending, onClose, onSettled }: { pending: PendingPayment; onClose: () => void; onSettled: (message: string) => void }) {
  // A reversal (核销/冲红) whose payment the ledger does not hold is never anyone's payment: it is only marked done.
  const reversal = pending.reverses !== null;
  const candidates = useInvoke('payments.candidates', reversal ? null : { id: pending.id });
  const list = candidates.value ?? [];
  const [personId, setPersonId] = useState<number | null>(null);
  const [tier, setTier] = useState<1 | 2>(pending.tier ?? 1);
  const [differenceReason, setDifferenceReason] = useState('');
  const [dismissing, setDismissing] = useState(reversal);
  const [dismissReason, setDismissReason] = useState('');
  const { run, error, setError, busy: saving } = useAction();

  // The first candidate that can take the payment is chosen, in the tier its amount matches.
  useEffect(() => {
    const first = list.find((c) => !c.enrolledReceipt && !c.refusal);
    if (!first || personId !== null) return;
    setPersonId(first.person.id);
    const same = first.quotes.find((q) => q.eligible && q.difference === null);
    if (!pending.tier && same) setTier(same.tier);
  }, [list, personId, pending]);

  const chosen = list.find((c) => c.person.id === personId) ?? null;
  const quote = chosen?.quotes.find((q) => q.tier === tier) ?? null;
  const difference = quote?.eligible ? quote.difference : null;
  const canRecord = !!chosen && !chosen.enrolledReceipt && !chosen.refusal && !!quote?.eligible && (difference === null || differenceReason.trim().length >= 2);

  async function record() {
    if (!chosen) return;
    const done = await run(() =>
      invoke('payments.resolve', {
        id: pending.id,
        personId: chosen.person.id,
        tier,
        ...(difference ? { differenceReason: differenceReason.trim() } : {}),
        seen: chosen.version,
      }),
    );
    if (done) onSettled(`已登记「${done.personName}」${done.coverageYear} 年度参保，收据号 ${done.receiptNo}。`);
  }

  async function dismiss() {
    if (!(await run(() => invoke('payments.dismiss', { id: pending.id, reason: dismissReason })))) return;
    onSettled(reversal ? `已将「${pending.name}」的这笔冲销标为已处理。` : `已将「${pending.name}」的这笔缴费标记为不予登记。`);
  }

  const tierCell = (c: PaymentCandidate, t: 1 | 2) => {
    const q = c.quotes.find((x) => x.tier === t);
    if (!q) return '';
    if (!q.eligible) return <span style={{ color: '#999' }}>{q.reason}</span>;
    const hit = q.difference === null;
    return (
      <span style={hit ? { fontWeight: 600, color: '#389e0d' } : undefined}>
        {yuan(q.personalFen)}
        {q.subsidyLabel ? `（${q.subsidyLabel}）` : ''}
      </span>
    );
  };

  return (
    <Modal
      open
      width={980}
      title={`${reversal ? '处理待核实冲销' : '处理待核实缴费'}：${pending.name || '（无姓名）'}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        dismissing ? (
          <Space>
            <Button onClick={() => (reversal ? onClose() : setDismissing(false))}>{reversal ? '取消' : '返回'}</Button>
            <BusyButton danger={!reversal} type="primary" busy={saving} disabled={dismissReason.trim().length < 2} onClick={() => void dismiss()}>
              {reversal ? '标为已处理' : '确认不予登记'}
            </BusyButton>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button danger onClick={() => (setDismissing(true), setError(null))}>
              不予登记…
            </Button>
            <BusyButton type="primary" busy={saving} disabled={!canRecord} onClick={() => void record()}>
              {difference ? '确认差额并登记' : '登记参保'}
            </BusyButton>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="文件中姓名">{pending.name || '—'}</Descriptions.Item>
        <Descriptions.Item label="身份证号">{pending.idNumber}</Descriptions.Item>
        <Descriptions.Item label="导入批次">
          #{pending.batchId} 第 {pending.row} 行
        </Descriptions.Item>
        <Descriptions.Item label="缴费日期">{pending.paidOn}</Descriptions.Item>
        <Descriptions.Item label="缴费金额">{paidText(pending)}</Descriptions.Item>
        <Descriptions.Item label="档次 / 方式">
          {pending.tier ? (pending.tier === 2 ? '二档' : '一档') : '文件未写'} / {pending.channel}
        </Descriptions.Item>
        <Descriptions.Item label="待核实原因" span={3}>
          {pending.reason}
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} role="alert" />}
      {reversal && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message={`这是一笔冲销（${pending.reverses}），不是缴费，不能登记为参保。`}
          description="台账里找不到被冲销的那笔缴费：它可能还没有导入，或是在别处登记的。查明后如需作废，请在花名册的人员信息中作废那条参保记录，再在这里写明怎样处理的，标为已处理。"
        />
      )}
      {dismissing ? (
        <Input.TextArea
          style={{ marginTop: 16 }}
          autoFocus
          rows={3}
          aria-label={reversal ? '处理情况' : '不予登记的原因'}
          placeholder={
            reversal
              ? '处理情况（必填），如：原缴费已在人员信息中作废；原缴费不在本镇，已告知医保局'
              : '不予登记的原因（必填），如：重复缴费，已由税务退回；非本镇人员，已告知缴费人'
          }
          value={dismissReason}
          onChange={(e) => setDismissReason(e.target.value)}
        />
      ) : (
        <>
          <h4 style={{ margin: '16px 0 8px' }}>台账中可能是此人的人员（个人应缴，元）</h4>
          <Table<PaymentCandidate>
            size="small"
            rowKey={(c) => c.person.id}
            loading={candidates.loading}
            dataSource={list}
            pagination={false}
            locale={{ emptyText: '台账中找不到可能的人员。请先在“花名册”登记此人后再来处理，或不予登记。' }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: personId === null ? [] : [personId],
              getCheckboxProps: (c) => ({ disabled: !!c.enrolledReceipt || !!c.refusal, 'aria-label': `选择 ${c.person.name}` }),
              onChange: (keys) => setPersonId(Number(keys[0])),
            }}
            onRow={(c) => ({ onClick: () => !c.enrolledReceipt && !c.refusal && setPersonId(c.person.id) })}
            columns={[
              { title: '姓名', render: (_, c) => c.person.name, width: 80 },
              { title: '身份证号', render: (_, c) => c.person.idNumber, width: 170 },
              { title: '村（社区）户号', render: (_, c) => `${c.person.villageName} ${c.person.householdNumber}`, width: 130 },
              { title: '依据', dataIndex: 'why', width: 150 },
              { title: '一档', render: (_, c) => tierCell(c, 1) },
              { title: '二档', render: (_, c) => tierCell(c, 2) },
              {
                title: '状态',
                width: 150,
                render: (_, c) => (c.enrolledReceipt ? <Tag>已参保（收据 {c.enrolledReceipt}）</Tag> : c.refusal ? <Tag>{c.refusal}</Tag> : null),
              },
            ]}
          />
          {chosen && !chosen.enrolledReceipt && !chosen.refusal && (
            <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
              <Space>
                登记档次
                <Radio.Group
                  aria-label="登记档次"
                  optionType="button"
                  value={tier}
                  onChange={(e) => setTier(e.target.value as 1 | 2)}
                  options={[
                    { value: 1, label: '一档' },
                    { value: 2, label: '二档' },
                  ]}
                />
                {quote?.eligible && <span>按政策个人缴 {yuan(quote.personalFen)} 元</span>}
              </Space>
              {quote && !quote.eligible && <Alert type="error" showIcon message={`「${chosen.person.name}」不能按这一档参保：${quote.reason}`} />}
              {difference !== null && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="settle-difference"
                    message={`${difference}。`}
                    description="登记时按政策金额记账（凭证、报表都用政策金额）。请写明差额的原因和处理办法后确认。"
                  />
                  <Input
                    aria-label="差额原因"
                    placeholder="差额原因（必填），如：税务未认定低保，多收部分由税务退还"
                    value={differenceReason}
                    onChange={(e) => setDifferenceReason(e.target.value)}
                  />
                </>
              )}
            </Space>
          )}
        </>
      )}
    </Modal>
  );
}
