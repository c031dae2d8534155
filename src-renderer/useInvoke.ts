import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiName, ApiOutput } from '../src-main/api/contract';
import { invoke } from './api';

export interface Invoked<T> {
  value: T | null;
  /** The Chinese message of a refusal, or null. */
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a handler when the screen shows (and again whenever `arg` changes, compared as
 * JSON, or `refresh` does), with its loading and error states; `arg` null waits. An answer that arrives after a
 * newer call was made is dropped, so a fast typist never sees an older result win. A value is
 * shown only for the argument it answered: another person's drawer or another year's numbers
 * are never shown while the new ones load (a reload keeps them until it answers).
 */
export function useInvoke<K extends ApiName>(name: K, arg: ApiInput<K> | null, refresh?: unknown): Invoked<ApiOutput<K>> {
  const [answer, setAnswer] = useState<{ key: string; value: ApiOutput<K> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(arg !== null);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const key = arg === null ? null : JSON.stringify(arg);

  useEffect(() => {
    if (key === null) return;
    const call = ++latest.current;
    setLoading(true);
    void invoke(name, JSON.parse(key) as ApiInput<K>).then((r) => {
      if (call !== latest.current) return;
      setLoading(false);
      if (r.ok) {
        setAnswer({ key, value: r.value });
        setError(null);
      } else setError(r.error.message);
    });
  }, [name, key, version, refresh]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const value = answer !== null && answer.key === key ? answer.value : null;
  return { value, error, loading, reload };
}
