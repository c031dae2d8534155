import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date picked at the desk, kept as YYYY-MM-DD (the ledger's form); never empty. */
export function DayPicker(props: { label: string; value: string; onChange: (day: string) => void }) {
  return <DatePicker aria-label={props.label} value={dayjs(props.value)} allowClear={false} onChange={(d) => d && props.onChange(d.format('YYYY-MM-DD'))} />;
}
