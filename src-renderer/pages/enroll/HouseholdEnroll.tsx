import { useEffect, useState } from 'react';
import { Alert, Button, Card, Radio, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { HouseholdNotice, Receipt } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { ReceiptView, type ReceiptPaper } from '../../print/ReceiptView';
import { CHANNELS } from './channels';
import { DayPicker } from '../DayPicker';
import { PaperChoice } from '../../print/PaperChoice';

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
}: {
  householdId: number;
  year: number;
  paper: ReceiptPaper;
  onPaper: (p: ReceiptPaper) => void;
  onBack: () => void;
  onDone: () => void;
}) {
  const [notice, setNotice] = useState<HouseholdNotice | null>(null);
  const [tier, setTier] = useState<1 | 2>(1);
  // A member's own tier where the clerk chose one; the others follow the household's.
  const [own, setOwn] = useState<Record<number, 1 | 2>>({});
  const tierOf = (m: Member) => own[m.personId] ?? tier;
  const [paidOn, setPaidOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [channel, setChannel] = useState('现金');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ receipts: Receipt[]; skipped: { personId: number; name: string; reason: string }[] } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void invoke('print.householdNotice', { householdId, coverageYear: year, on: paidOn }).then((r) => (r.ok ? setNotice(r.value) : setError(r.error.message)));
  }, [householdId, year, paidOn]);

  async function save() {
    setSaving(true);
    try {
      const tiers = Object.entries(own).map(([personId, t]) => ({ personId: Number(personId), tier: t }));
      const seen = (notice?.members ?? []).map((m) => ({ personId: m.personId, version: m.version }));
      const r = await invoke('enroll.household', {
        householdId,
        coverageYear: year,
        tier,
        paidOn,
        channel,
        ...(tiers.length ? { tiers } : {}),
        ...(seen.length ? { seen } : {}),
      });
      if (!r.ok) return setError(r.error.message);
      const receipts: Receipt[] = [];
      for (const e of r.value.enrolled) {
        const rc = await invoke('enroll.receipt', { id: e.id });
        if (rc.ok) receipts.push(rc.value);
      }
      setResult({ receipts, skipped: r.value.skipped });
      setError(null);
    } finally {
      setSaving(false);
    }
  }

  if (result) {
    // Members the table already showed as paid are not news; only the others are a warning.
    const paidBefore = new Set(notice?.members.filter((m) => m.enrolledReceipt).map((m) => m.personId));
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
          <Button onClick={onDone}>下一位</Button>
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
  const due = notice?.members.filter((m) => !m.enrolledReceipt && !m.notDue) ?? [];
  const total = due.reduce((s, m) => s + Math.round(Number(m.options.find((o) => o.tier === tierOf(m))?.personalYuan ?? 0) * 100), 0);
  return (
    <Card size="small" title={notice ? `全户参保：${notice.villageName} 户号 ${notice.householdNumber}（户主 ${notice.headName}）` : '全户参保'}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Table<Member>
        size="small"
        rowKey="idNumber"
        pagination={false}
        dataSource={notice?.members ?? []}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '与户主关系', dataIndex: 'relation', width: 90 },
          { title: '资助', render: (_, m) => m.options[0]?.subsidyLabel ?? '' },
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
      <Space style={{ marginTop: 12 }} wrap>
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
        缴费日期
        <DayPicker label="全户缴费日期" value={paidOn} onChange={setPaidOn} />
        缴费方式
        <Select
          aria-label="全户缴费方式"
          value={channel}
          onChange={setChannel}
          style={{ width: 160 }}
          options={CHANNELS.map((c) => ({ value: c, label: c }))}
        />
      </Space>
      <div style={{ margin: '12px 0', fontSize: 16 }} data-testid="household-total">
        应参保 {due.length} 人，个人合计缴费 <strong>{(total / 100).toFixed(2)} 元</strong>
      </div>
      <Space>
        <Button type="primary" loading={saving} disabled={!due.length} onClick={() => void save()}>
          保存全户并出具凭证
        </Button>
        <Button onClick={onBack}>返回</Button>
      </Space>
    </Card>
  );
}
