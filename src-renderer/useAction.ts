import { useCallback, useState } from 'react';
import type { ApiError, Result } from '../src-main/api/contract';

export interface Action {
  /**
   * Runs a call to the main process: its value, or null when refused (the refusal's Chinese
   * message is then `error`, and `refused` hears the whole refusal first). Only for handlers that
   * answer with a value, so that null can only mean refused.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is "not null or undefined"
  run: <T extends {}>(call: () => Promise<Result<T>>, refused?: (e: ApiError) => void) => Promise<T | null>;
  /** The message of the last refusal; cleared by the next call that succeeds. */
  error: string | null;
  setError: (message: string | null) => void;
  /** A call is under way: its button shows it and is not pressed twice. */
  busy: boolean;
}

/** A write (or a read a clerk asked for) beside `useInvoke`'s reads when a screen shows. */
export function useAction(): Action {
  const [error, setError] = useState<string | null>(null);
  const [calls, setCalls] = useState(0);
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as above
  const run = useCallback(async <T extends {}>(call: () => Promise<Result<T>>, refused?: (e: ApiError) => void): Promise<T | null> => {
    setCalls((n) => n + 1);
    try {
      const r = await call();
      if (r.ok) {
        setError(null);
        return r.value;
      }
      refused?.(r.error);
      setError(r.error.message);
      return null;
    } finally {
      setCalls((n) => n - 1);
    }
  }, []);
  return { run, error, setError, busy: calls > 0 };
}
