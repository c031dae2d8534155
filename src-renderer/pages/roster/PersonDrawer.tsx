import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Input, Modal, Table, Tag, Typography } from 'antd';
import { invoke } from '../../api';
import { yuan } from '../../format';
import { useInvoke } from '../../useInvoke';
import { label, useGlossary } from '../../glossary';
import { StatusChange } from './StatusChange';

export function PersonDrawer(props: { personId: number | null; onClose: () => void }) {
  const g = useGlossary();
  const [failed, setError] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<{ id: number; receiptNo: string } | null>(null);
  const [reason, setReason] = useState('');
  // A refused void is said inside its dialog, where the clerk is looking (it once showed behind it).
  const [voidError, setVoidError] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);

  const person = useInvoke('roster.getPerson', props.personId === null ? null : { id: props.personId });
  const detail = person.value;
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
  async function confirmVoid() {
    if (!voiding || props.personId === null) return;
    const r = await invoke('enroll.void', { id: voiding.id, reason });
    if (!r.ok) return setVoidError(r.error.message);
    setVoidError(null);
    setVoiding(null);
    setReason('');
    setError(null);
    person.reload();
  }

  const p = detail?.person;
  return (
    <Drawer open={props.personId !== null} onClose={props.onClose} width={720} title={p ? `${p.name}（${p.idNumber}）` : '人员信息'}>
      {error && <Alert type="error" showIcon message={error} />}
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
              <StatusChange key={`${p.id}-${p.status}`} person={p} onChanged={person.reload} onDialog={setDialog} />
            </Descriptions.Item>
            <Descriptions.Item label="职工医保">{p.employeeInsured ? '已参加' : '未参加'}</Descriptions.Item>
            <Descriptions.Item label="县外参保">{p.outOfCounty ? `${label(g.outOfCounty, p.outOfCounty)}，${p.outOfCountyPlace}` : '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            资助身份
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.categories}
            locale={{ emptyText: '没有认定的资助身份' }}
            columns={[
              { title: '类别', render: (_, c) => label(g.categories, c.code) },
              { title: '认定部门', render: (_, c) => label(g.departments, c.department) || '—' },
              { title: '有效期', render: (_, c) => `${c.validFrom} 至 ${c.validTo ?? '今'}` },
              { title: '来源', dataIndex: 'source' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            参保缴费
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.enrollments}
            locale={{ emptyText: '没有参保记录' }}
            columns={[
              { title: '年度', dataIndex: 'coverageYear', width: 60 },
              { title: '收据号', dataIndex: 'receiptNo', width: 110 },
              { title: '档次', width: 60, render: (_, e) => (e.tier === 2 ? '二档' : e.tier === 1 ? '一档' : '—') },
              { title: '资助', render: (_, e) => (e.subsidyFen ? `${yuan(e.subsidyFen)}（${label(g.departments, e.department)}）` : '—') },
              { title: '个人缴费', render: (_, e) => yuan(e.personalFen) },
              { title: '待遇期', render: (_, e) => `${e.benefitStart} 至 ${e.benefitEnd}` },
              { title: '状态', render: (_, e) => (e.status === 'active' ? <Tag color="green">有效</Tag> : <Tag color="red">已作废：{e.voidReason}</Tag>) },
              {
                title: '',
                width: 70,
                render: (_, e) =>
                  e.status === 'active' ? (
                    <Button size="small" danger onClick={() => setVoiding({ id: e.id, receiptNo: e.receiptNo })}>
                      作废
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Modal
            title={`作废收据 ${voiding?.receiptNo ?? ''}`}
            open={voiding !== null}
            okText="作废"
            okButtonProps={{ danger: true }}
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
