// Step 5 of the desk: the receipt as it prints. The focus waits on 下一位; 打印凭证 prints and stays.
import { useEffect, useRef } from 'react';
import { Button, Space } from 'antd';
import type { Receipt } from '../../../src-main/api/contract';
import { ReceiptView, type ReceiptPaper } from '../../print/ReceiptView';
import { PaperChoice } from '../../print/PaperChoice';

export function ReceiptStep(props: { receipt: Receipt; paper: ReceiptPaper; onPaper: (p: ReceiptPaper) => void; onNext: () => void }) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  return (
    <Space direction="vertical">
      <Space>
        <Button type="primary" onClick={() => window.print()}>
          打印凭证
        </Button>
        <Button ref={next} onClick={props.onNext}>
          下一位（回车）
        </Button>
        <PaperChoice paper={props.paper} onChange={props.onPaper} />
      </Space>
      <ReceiptView r={props.receipt} paper={props.paper} />
    </Space>
  );
}
