import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import type { Receipt } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { PaperChoice, useReceiptPaper } from '../../print/PaperChoice';
import { ReceiptView } from '../../print/ReceiptView';
import { DayPicker } from '../DayPicker';

/** A day's receipts in one print, in receipt-number order: one or three to an A4, or continuous form. */
export function DayReceipts() {
  const [day, setDay] = useState(deskToday());
  const { paper, choose } = useReceiptPaper();
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The day before's receipts do not stay printable while this day's are asked for.
    setReceipts(null);
    void invoke('enroll.receiptsOn', { paidOn: day }).then((r) => {
      if (!live) return;
      setReceipts(r.ok ? r.value : null);
      setError(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [day]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DayPicker label="收据的缴费日期" value={day} onChange={setDay} />
        <PaperChoice paper={paper} onChange={choose} />
        <Button type="primary" disabled={!receipts?.length} onClick={() => window.print()}>
          打印 {receipts?.length ?? 0} 张收据
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {receipts && !receipts.length && <Alert type="info" showIcon message="这一天没有参保缴费记录。" />}
      <div data-testid="day-receipts">
        {receipts?.map((r) => (
          <ReceiptView key={r.receiptNo} r={r} paper={paper} />
        ))}
      </div>
    </Space>
  );
}
