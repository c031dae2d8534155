import { Alert, Button, Modal, Space } from 'antd';
import { PaperChoice, useReceiptPaper } from '../../print/PaperChoice';
import { RefundSlipView } from '../../print/RefundSlipView';
import { useInvoke } from '../../useInvoke';

/** The 退费单's print preview: the paper as it prints, on the receipt's paper (three to an A4 makes no sense for one slip). */
export function RefundSlipModal({ refundId, onClose }: { refundId: number | null; onClose: () => void }) {
  const slip = useInvoke('print.refundSlip', refundId === null ? null : { refundId });
  const { paper: kept, choose } = useReceiptPaper();
  const paper = kept === 'a4-three' ? 'a4' : kept;
  return (
    <Modal
      title="退费单（打印预览）"
      open={refundId !== null}
      onCancel={onClose}
      width={980}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" disabled={!slip.value} onClick={() => window.print()}>
            打印退费单
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <PaperChoice paper={paper} onChange={choose} three={false} />
        {slip.error && <Alert type="error" showIcon message={slip.error} role="alert" />}
        {slip.value && <RefundSlipView s={slip.value} paper={paper} />}
      </Space>
    </Modal>
  );
}
