import type { ReactNode } from 'react';
import './print.css';

/** A printed document: title, a line under it, and its body; wide ones print landscape. */
export function Doc({ title, sub, wide, children, testId }: { title: string; sub?: ReactNode; wide?: boolean; children: ReactNode; testId?: string }) {
  return (
    <div className={`paper doc${wide ? ' wide' : ''}`} data-testid={testId ?? 'doc'}>
      <h2>{title}</h2>
      {sub && <div className="sub">{sub}</div>}
      {children}
    </div>
  );
}

/** A bordered table whose header row repeats on every printed page. */
/** `keep` lists the columns (from 0) whose cells must not wrap, such as names and ID numbers. */
export function DocTable({ head, rows, foot, keep = [] }: { head: ReactNode[]; rows: ReactNode[][]; foot?: ReactNode[]; keep?: number[] }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} className={keep.includes(j) ? 'keep' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
        {foot && (
          <tr>
            {foot.map((c, j) => (
              <td key={j} className={keep.includes(j) ? 'keep' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}
