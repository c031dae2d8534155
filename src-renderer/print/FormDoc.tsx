import type { Form, FormCell, FormRow } from '../../src-main/api/contract';
import { percent } from '../format';
import './print.css';

/** An amount as the county's forms print it: 342, 3.8 (no trailing zeros). */
const amount = (fen: number) => String(fen / 100);

function show(c: FormCell): string | number {
  if (c.kind === 'yuan') return amount(c.v as number);
  if (c.kind === 'rate') return percent(Math.round((c.v as number) * 10000));
  return c.v;
}

function Cells({ row, as: Tag }: { row: FormRow; as: 'th' | 'td' }) {
  return (
    <>
      {row.map((c, i) =>
        c ? (
          <Tag key={i} rowSpan={c.rowSpan} colSpan={c.colSpan} className={c.align === 'left' ? 'left' : undefined}>
            {show(c)}
          </Tag>
        ) : null,
      )}
    </>
  );
}

/**
 * A county form as the paper: 附件N at the top left, the title, the lines under it, and the
 * table with the form's merges and its columns in the xlsx's proportions; the header rows
 * repeat on every page.
 */
export function FormDoc({ form, testId }: { form: Form; testId?: string }) {
  const total = form.widths.reduce((a, b) => a + b, 0);
  return (
    <div className={`paper doc form${form.landscape ? ' wide' : ''}`} data-testid={testId ?? 'form'}>
      {form.label && <div className="form-label">{form.label}</div>}
      <h2>{form.title}</h2>
      {form.lines.map((l, i) => (
        <div key={i} className="form-line">
          <span>{l.left}</span>
          <span>{l.right}</span>
        </div>
      ))}
      <table className="form-table">
        <colgroup>
          {form.widths.map((w, i) => (
            <col key={i} style={{ width: `${((w / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          {form.head.map((r, i) => (
            <tr key={i}>
              <Cells row={r} as="th" />
            </tr>
          ))}
        </thead>
        <tbody>
          {form.body.map((r, i) => (
            <tr key={i}>
              <Cells row={r} as="td" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
