// The payment's day and channel, one pair of fields for one person and for 全户参保.
import { memo } from 'react';
import { Select, Space } from 'antd';
import { DayPicker } from '../DayPicker';
import type { Payment } from './desk';

/** Drawn again only when its own props change (the desk's busy flag does not draw the day picker again). */
export const PaymentFields = memo(function PaymentFields({
  value,
  onChange,
  prefix = '',
  channels,
}: {
  value: Payment;
  onChange: (p: Partial<Payment>) => void;
  prefix?: string;
  /** The choices; the value shown is always among them (零申报, which a quote sets, is not chosen). */
  channels: readonly string[];
}) {
  return (
    <Space wrap>
      缴费日期
      <DayPicker label={`${prefix}缴费日期`} value={value.paidOn} onChange={(paidOn) => onChange({ paidOn })} />
      缴费方式
      <Select
        aria-label={`${prefix}缴费方式`}
        value={value.channel}
        onChange={(channel) => onChange({ channel })}
        style={{ width: 160 }}
        options={(channels.includes(value.channel) ? channels : [...channels, value.channel]).map((c) => ({ value: c, label: c }))}
      />
    </Space>
  );
});
