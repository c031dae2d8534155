import { useEffect, useState } from 'react';
import { Alert, Button, Segmented, Select, Space } from 'antd';
import type { Receipt } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { deskToday } from '../../format';
import { PaperChoice, useReceiptPaper } from '../../print/PaperChoice';
import { ReceiptView } from '../../print/ReceiptView';
import { DayPicker } from '../DayPicker';
import { useInvoke } from '../../useInvoke';
import { chinaTime } from '../../format';

/** A day's or an import batch's receipts in one print, in receipt-number order: one or three to an A4, or continuous form. */
export function DayReceipts() {
  const [by, setBy] = useState<'day' | 'batch'>('day');
  const [day, setDay] = useState(deskToday());
  const [batchId, setBatchId] = useState<number | undefined>();
  const batches = (useInvoke('import.batches', {}).value ?? []).flatMap((b) =>
    b.kind === 'payments' && !b.undoneAt && b.counts.record > 0 ? [{ id: b.id, at: b.at, fileName: b.fileName, record: b.counts.record }] : [],
  );
  const { paper, choose } = useReceiptPaper();
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The day before's receipts do not stay printable while this day's are asked for.
    setReceipts(null);
    if (by === 'batch' && batchId === undefined) return;
    void invoke('enroll.receiptsOn', by === 'batch' ? { batchId: batchId! } : { paidOn: day }).then((r) => {
      if (!live) return;
      setReceipts(r.ok ? r.value : null);
      setError(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [by, day, batchId]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          aria-label="收据范围"
          value={by}
          onChange={(v) => setBy(v as 'day' | 'batch')}
          options={[
            { value: 'day', label: '按缴费日期' },
            { value: 'batch', label: '按导入批次' },
          ]}
        />
        {by === 'day' ? (
          <DayPicker label="收据的缴费日期" value={day} onChange={setDay} />
        ) : (
          <Select
            aria-label="缴费导入批次"
            placeholder="选择一批导入的缴费"
            style={{ width: 360 }}
            value={batchId}
            onChange={setBatchId}
            options={batches.map((b) => ({ value: b.id, label: `${chinaTime(b.at)} ${b.fileName}（记入参保 ${b.record} 人）` }))}
          />
        )}
        <PaperChoice paper={paper} onChange={choose} />
        <Button type="primary" disabled={!receipts?.length} onClick={() => window.print()}>
          打印 {receipts?.length ?? 0} 张收据
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {receipts && !receipts.length && <Alert type="info" showIcon message={by === 'day' ? '这一天没有参保缴费记录。' : '这一批没有仍有效的参保记录。'} />}
      <div data-testid="day-receipts">
        {receipts?.map((r) => (
          <ReceiptView key={r.receiptNo} r={r} paper={paper} />
        ))}
      </div>
    </Space>
  );
}
