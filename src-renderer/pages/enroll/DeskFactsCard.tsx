// What only the person can tell the desk: the day their 职工医保 stopped, they left the army, or
// their special event happened (瑞州 四(五)/四(七), 酉阳's exemptions), and a newborn's guardian.
import { memo } from 'react';
import { Button, Card, Checkbox, Space, Typography } from 'antd';
import { OptionalDayPicker } from '../DayPicker';

import type { DeskDates } from './desk';

export type { DeskDates };

const DATES: [keyof Omit<DeskDates, 'guardianInsured'>, string][] = [
  ['employeeInsuranceEndedOn', '职工医保停保日期'],
  ['dischargedOn', '退出现役日期'],
  ['specialEventOn', '特殊情形发生日期'],
];

export const DeskFactsCard = memo(function DeskFactsCard({
  facts,
  onChange,
  onRequote,
}: {
  facts: DeskDates;
  onChange: (f: DeskDates) => void;
  onRequote: () => void;
}) {
  const set = <K extends keyof DeskDates>(k: K, v: DeskDates[K] | null) => {
    const next = { ...facts };
    if (v === null || v === false) delete next[k];
    else next[k] = v as DeskDates[K];
    onChange(next);
  };
  return (
    <Card size="small" title="特殊情形（免等待期、不受缴费期限制）" style={{ marginBottom: 12 }} data-testid="desk-facts">
      <Space wrap>
        {DATES.map(([k, label]) => (
          <Space key={k}>
            {label}
            <OptionalDayPicker label={label} value={facts[k] ?? null} onChange={(d) => set(k, d)} />
          </Space>
        ))}
        <Checkbox checked={facts.guardianInsured ?? false} onChange={(e) => set('guardianInsured', e.target.checked)}>
          新生儿的监护人本年度已参保
        </Checkbox>
        <Button onClick={onRequote}>按此重新计算</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        只填参保人本人说明并能出示材料的情形；不适用的留空。
      </Typography.Paragraph>
    </Card>
  );
});
