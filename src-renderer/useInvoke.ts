import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiName, ApiOutput } from '../src-main/api/contract';
import { ask } from './asked';
import { forget, keptAnswer, screenRead, slotOf, takeAhead } from './kept';

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
  screenRead(name);
  const key = arg === null ? null : JSON.stringify(arg);
  const slot = key === null ? '' : slotOf(name, key);
  // The last answer for these arguments (kept.ts) draws the screen at once; it is asked again all the same.
  const [answer, setAnswer] = useState<{ key: string; value: ApiOutput<K> } | null>(() => {
    const k = key === null ? undefined : keptAnswer(slot);
    return k && key !== null ? { key, value: k.value as ApiOutput<K> } : null;
  });
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(arg !== null && !keptAnswer(slot));
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const lastAsked = useRef<{ slot: string; version: number; refresh: unknown } | null>(null);

  useEffect(() => {
    if (key === null) return;
    const call = ++latest.current;
    const before = keptAnswer(slot);
    // Asked again with nothing changed: the screen is shown again after being kept hidden (App.tsx).
    const shownAgain = lastAsked.current?.slot === slot && lastAsked.current.version === version && lastAsked.current.refresh === refresh;
    lastAsked.current = { slot, version, refresh };
    // The kept answer on screen (the same object when it is there already: React draws nothing
    // again); the fresh answer is then compared with what is shown.
    if (before) setAnswer((a) => (a?.key === key && a.value === before.value ? a : { key, value: before.value as ApiOutput<K> }));
    else {
      // Forgotten since (a change was made): the screen does not show what it showed before it.
      if (shownAgain) setAnswer(null);
      setLoading(true);
    }
    // Asked a moment ago for this screen (the login starts the first screen's reads): not asked twice.
    if (before && takeAhead(slot)) return setLoading(false);
    void ask(name, key).then(({ r, json }) => {
      if (call !== latest.current) return;
      setLoading(false);
      if (!r.ok) {
        // A kept answer is not left beside a refusal (another login may not read it).
        forget(slot);
        if (before) setAnswer(null);
        return setError(r.error.message);
      }
      setError(null);
      // An answer the same as the one shown changes nothing on screen.
      if (before?.json !== json) setAnswer({ key, value: r.value });
    });
  }, [name, key, slot, version, refresh]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const value = answer !== null && answer.key === key ? answer.value : null;
  return { value, error, loading, reload };
}
