import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** A refusal as the main process worded it, line by line (who changed what), with what the clerk may do next. */
export function Refusal({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={<span style={{ whiteSpace: 'pre-line' }}>{message}</span>}
      style={{ marginBottom: 8 }}
      {...(action ? { action } : {})}
    />
  );
}
