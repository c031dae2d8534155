// The payment's day and channel, one pair of fields for one person and for 全户参保.
import { Select, Space } from 'antd';
import { DayPicker } from '../DayPicker';
import { CHANNELS } from './channels';
import type { Payment } from './desk';

export function PaymentFields({
  value,
  onChange,
  prefix = '',
  channels = CHANNELS,
}: {
  value: Payment;
  onChange: (p: Partial<Payment>) => void;
  prefix?: string;
  channels?: readonly string[];
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
        options={channels.map((c) => ({ value: c, label: c }))}
      />
    </Space>
  );
}
