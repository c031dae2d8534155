import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { Enrollment, PersonDetail } from '../../../src-main/api/contract';
import { yuan } from '../../format';
import { label, useGlossary } from '../../glossary';

/**
 * The person's receipts in the drawer. 个人缴费 is what the person paid net of a refund, the
 * refund beside it, so the row never reads 380.00 when 320.00 went back.
 */
export function EnrollmentsTable({
  detail,
  onRefund,
  onVoid,
  onSlip,
}: {
  detail: PersonDetail;
  onRefund: (e: Enrollment) => void;
  onVoid: (e: Enrollment) => void;
  onSlip: (refundId: number) => void;
}) {
  const g = useGlossary();
  const refundOf = (e: Enrollment) => detail.refunds.find((r) => r.enrollmentId === e.id);
  return (
    <Table<Enrollment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={detail.enrollments}
      locale={{ emptyText: '没有参保记录' }}
      columns={[
        { title: '年度', dataIndex: 'coverageYear', width: 50 },
        { title: '收据号', dataIndex: 'receiptNo', width: 100 },
        { title: '档次', width: 50, render: (_, e) => (e.tier === 2 ? '二档' : e.tier === 1 ? '一档' : '—') },
        { title: '资助', width: 100, render: (_, e) => (e.subsidyFen ? `${yuan(e.subsidyFen)}（${label(g.departments, e.department)}）` : '—') },
        {
          title: '个人缴费',
          width: 110,
          render: (_, e) => {
            const r = refundOf(e);
            return r ? (
              <span data-testid="net-paid">
                {yuan(e.personalFen - r.amountFen)}
                <br />
                <span style={{ color: '#8c8c8c', fontSize: 12, whiteSpace: 'nowrap' }}>（已退 {yuan(r.amountFen)}）</span>
              </span>
            ) : (
              yuan(e.personalFen)
            );
          },
        },
        {
          title: '待遇期',
          width: 190,
          // A date never breaks at its hyphen: the line breaks at 至.
          render: (_, e) => (
            <>
              <span style={{ whiteSpace: 'nowrap' }}>{e.benefitStart}</span> 至 <span style={{ whiteSpace: 'nowrap' }}>{e.benefitEnd}</span>
            </>
          ),
        },
        {
          title: '状态',
          render: (_, e) => {
            const r = refundOf(e);
            return (
              <>
                {e.status === 'active' ? <Tag color="green">有效</Tag> : <Tag color="red">已作废：{e.voidReason}</Tag>}
                {r && <Tag color="blue">已退费 {yuan(r.amountFen)}</Tag>}
              </>
            );
          },
        },
        {
          title: '',
          width: 130,
          render: (_, e) => {
            const r = refundOf(e);
            return (
              <Space size={4}>
                {r && (
                  <Button size="small" onClick={() => onSlip(r.id)}>
                    退费单
                  </Button>
                )}
                {detail.refundable.includes(e.id) && (
                  <Popconfirm
                    title={`为收据 ${e.receiptNo} 办理退费？`}
                    description="按集中征缴期结束前认定的资助身份重新计算，退还应由资助承担的部分。"
                    okText="退费"
                    cancelText="取消"
                    onConfirm={() => onRefund(e)}
                  >
                    <Button size="small">退费</Button>
                  </Popconfirm>
                )}
                {e.status === 'active' && (
                  <Button size="small" danger onClick={() => onVoid(e)}>
                    作废
                  </Button>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
