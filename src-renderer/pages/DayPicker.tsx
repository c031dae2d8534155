import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date picked at the desk, kept as YYYY-MM-DD (the ledger's form); never empty. */
export function DayPicker(props: { label: string; value: string; onChange: (day: string) => void }) {
  return <DatePicker aria-label={props.label} value={dayjs(props.value)} allowClear={false} onChange={(d) => d && props.onChange(d.format('YYYY-MM-DD'))} />;
}

/** A date that may be left empty (an open end: 至今). */
export function OptionalDayPicker(props: { label: string; value: string | null; onChange: (day: string | null) => void; placeholder?: string }) {
  return (
    <DatePicker
      aria-label={props.label}
      placeholder={props.placeholder ?? '不填'}
      value={props.value ? dayjs(props.value) : null}
      onChange={(d) => props.onChange(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}
