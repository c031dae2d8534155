import { Radio } from 'antd';
import { useState } from 'react';
import type { ReceiptPaper } from './ReceiptView';

const KEY = 'canbao.receiptPaper';

/** The office's receipt paper, remembered on this PC: most desks keep one printer. */
export function useReceiptPaper() {
  const [paper, setPaper] = useState<ReceiptPaper>(() => {
    const kept = localStorage.getItem(KEY);
    return kept === 'continuous' || kept === 'a4-three' ? kept : 'a4';
  });
  const choose = (p: ReceiptPaper) => {
    localStorage.setItem(KEY, p);
    setPaper(p);
  };
  return { paper, choose };
}

/** `three` false: a single paper (a 退费单), for which three to an A4 is no choice. */
export function PaperChoice({ paper, onChange, three = true }: { paper: ReceiptPaper; onChange: (p: ReceiptPaper) => void; three?: boolean }) {
  return (
    <Radio.Group aria-label="凭证纸张" value={paper} onChange={(e) => onChange(e.target.value as ReceiptPaper)} optionType="button" size="small">
      <Radio.Button value="a4">A4 纸</Radio.Button>
      {three && <Radio.Button value="a4-three">A4 三张（裁切线）</Radio.Button>}
      <Radio.Button value="continuous">241 mm 针式连续纸</Radio.Button>
    </Radio.Group>
  );
}
