import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Input, Modal, Table, Tag, Typography } from 'antd';
import { YearTags } from '../enroll/QuoteHistory';
import { ElsewhereChange } from './ElsewhereChange';
import type { HistoryEntry } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../useAction';
import { chinaTime, yuan } from '../../format';
import { EnrollmentsTable } from './EnrollmentsTable';
import { RefundSlipModal } from './RefundSlipModal';
import { useInvoke } from '../../useInvoke';
import { label, useGlossary } from '../../glossary';
import { StatusChange } from './StatusChange';
import { EditPerson } from './EditPerson';
import { Categories } from './Categories';
import { pageItem } from '../../a11y';

/** `onChanged`: after any change made here, so the list behind the drawer reads the person again. */
export function PersonDrawer(props: { personId: number | null; onClose: () => void; onChanged?: () => void }) {
  const g = useGlossary();
  const drawerAction = useAction();
  const failed = drawerAction.error;
  const setError = drawerAction.setError;
  const [voiding, setVoiding] = useState<{ id: number; receiptNo: string } | null>(null);
  const [reason, setReason] = useState('');
  // A refused void is said inside its dialog, where the clerk is looking (it once showed behind it).
  const voidAction = useAction();
  const voidError = voidAction.error;
  const setVoidError = voidAction.setError;
  const [dialog, setDialog] = useState(false);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [slip, setSlip] = useState<number | null>(null);

  const person = useInvoke('roster.getPerson', props.personId === null ? null : { id: props.personId });
  const detail = person.value;
  const { onChanged } = props;
  const { reload } = person;
  // Every write in the drawer ends here: the drawer and the list behind it read the ledger again.
  const changed = useCallback(() => {
    reload();
    onChanged?.();
  }, [reload, onChanged]);
  const error = failed ?? person.error;

  // Esc closes the drawer wherever the focus went (after the void dialog it is nowhere).
  const { onClose } = props;
  const open = props.personId !== null;
  useEffect(() => {
    if (!open || voiding || dialog) return;
    const h = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [open, voiding, dialog, onClose]);

  // A paid record is never edited: it is voided with a reason and entered again.
  // Refused as stale: the person is read again, so the next try states what is on screen.
  const stale = (e: { field?: string }) => e.field === 'seen' && person.reload();

  async function confirmVoid() {
    // Enter in the reason and 确定 together would void twice (the second refused, its message shown).
    if (!voiding || props.personId === null || voidAction.busy) return;
    if (!(await voidAction.run(() => invoke('enroll.void', { id: voiding.id, reason, ...(detail ? { seen: detail.person.version } : {}) }), stale))) return;
    setVoiding(null);
    setReason('');
    setError(null);
    changed();
  }

  // 退费 (瑞州): the subsidy part of what was paid, when a category was certified after payment.
  async function refund(id: number) {
    const r = await drawerAction.run(() => invoke('enroll.refund', { id, ...(detail ? { seen: detail.person.version } : {}) }), stale);
    if (!r) return;
    setDone(`已办理退费 ${yuan(r.amountFen)} 元：${r.reason}。请打印退费单，由领款人签字。`);
    changed();
    // The resident signs for the money there and then: the slip opens at once.
    setSlip(r.id);
    setDialog(true);
  }

  const edit = (v: boolean) => (setEditing(v), setDialog(v));
  const p = detail?.person;
  return (
    <Drawer
      open={props.personId !== null}
      onClose={props.onClose}
      width={860}
      title={p ? `${p.name}（${p.idNumber}）` : '人员信息'}
      extra={
        p && (
          <Button onClick={() => edit(true)} data-testid="edit-person">
            修改信息
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {done && <Alert type="success" showIcon message={done} closable onClose={() => setDone(null)} style={{ marginBottom: 12 }} />}
      {p && detail && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="性别">{p.sex === 'male' ? '男' : '女'}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{p.birthDate}</Descriptions.Item>
            <Descriptions.Item label="村（社区）">{p.villageName}</Descriptions.Item>
            <Descriptions.Item label="户号">{p.householdNumber}</Descriptions.Item>
            <Descriptions.Item label="与户主关系">{p.relation || '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{p.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label="参保范围">{label(g.residences, p.residence)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              {label(g.statuses, p.status)}
              {p.statusOn ? `（${p.statusOn}）` : ''}
              <StatusChange key={`${p.id}-${p.status}`} person={p} onChanged={changed} onDialog={setDialog} />
            </Descriptions.Item>
            <Descriptions.Item label="职工医保">{p.employeeInsured ? '已参加' : '未参加'}</Descriptions.Item>
            <Descriptions.Item label="县外参保">
              {p.outOfCounty ? `${label(g.outOfCounty, p.outOfCounty)}，${p.outOfCountyPlace}` : '—'}
              <ElsewhereChange key={`${p.id}-${p.outOfCounty}-${p.employeeInsured}`} person={p} onChanged={changed} onDialog={setDialog} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            资助身份
          </Typography.Title>
          <Categories person={p} rows={detail.categories} onChanged={changed} onDialog={setDialog} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            参保缴费
          </Typography.Title>
          <div style={{ marginBottom: 8 }} data-testid="year-row">
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              历年参保（断保按此推算）：
            </Typography.Text>
            <YearTags years={detail.yearRow} />
          </div>
          <EnrollmentsTable
            detail={detail}
            onRefund={(e) => void refund(e.id)}
            onVoid={(e) => setVoiding({ id: e.id, receiptNo: e.receiptNo })}
            onSlip={(id) => (setSlip(id), setDialog(true))}
          />
          {detail.insuranceYears.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                医保参保记录
              </Typography.Title>
              <Table
                rowKey={(y) => `${y.year}-${y.scheme}`}
                size="small"
                pagination={false}
                dataSource={detail.insuranceYears}
                data-testid="insurance-years"
                columns={[
                  { title: '年度', dataIndex: 'year', width: 60 },
                  { title: '险种', width: 80, render: (_, y) => (y.scheme === 'employee' ? '职工医保' : '居民医保') },
                  { title: '情况', width: 80, render: (_, y) => (y.insured ? <Tag color="green">已参保</Tag> : <Tag color="orange">未参保</Tag>) },
                  { title: '所属区划', dataIndex: 'division', width: 120 },
                  { title: '来源', dataIndex: 'source' },
                ]}
              />
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            变更记录
          </Typography.Title>
          <Table<HistoryEntry>
            rowKey={(h, i) => `${h.at}-${i}`}
            size="small"
            dataSource={detail.history}
            pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true, itemRender: pageItem }}
            locale={{ emptyText: '没有变更记录' }}
            columns={[
              { title: '时间', width: 130, render: (_, h) => chinaTime(h.at) },
              { title: '经办人', dataIndex: 'actor', width: 110 },
              { title: '事项', dataIndex: 'what', width: 110 },
              { title: '内容', dataIndex: 'detail' },
            ]}
          />
          <EditPerson
            person={p}
            open={editing}
            onClose={() => edit(false)}
            onSaved={() => {
              edit(false);
              changed();
            }}
          />
          <RefundSlipModal refundId={slip} onClose={() => (setSlip(null), setDialog(false))} />
          <Modal
            title={`作废收据 ${voiding?.receiptNo ?? ''}`}
            open={voiding !== null}
            okText="作废"
            okButtonProps={{ danger: true, loading: voidAction.busy }}
            cancelText="取消"
            onOk={() => void confirmVoid()}
            onCancel={() => (setVoiding(null), setVoidError(null))}
            destroyOnHidden
          >
            <Input
              autoFocus
              aria-label="作废原因"
              placeholder="作废原因（必填），如：档次选错"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onPressEnter={() => void confirmVoid()}
            />
            {voidError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={voidError} role="alert" />}
          </Modal>
        </>
      )}
    </Drawer>
  );
}
