// A read asked once for all who want it: a screen that mounts while the same read (same
// arguments, nothing forgotten since) is on its way waits for that answer rather than asking
// again. So the first screen's reads can start with the login's answer, before the screen has
// drawn (issue 26: 工作台 after the login on an old PC), and the screen picks them up.
import type { ApiInput, ApiName, ApiOutput, Result } from '../src-main/api/contract';
import { invoke } from './api';
import { generation, keep, keptAnswer, screenRead, slotOf, takeAhead } from './kept';

export interface Asked<T> {
  r: Result<T>;
  /** The answer as JSON when it was one (compared with what a screen shows), else null. */
  json: string | null;
}

const inFlight = new Map<string, { asked: number; ahead: boolean; answer: Promise<Asked<unknown>> }>();

/** Asks a read (`key` its arguments as JSON) or joins the same read on its way; a good answer is kept. */
export function ask<K extends ApiName>(name: K, key: string, ahead = false): Promise<Asked<ApiOutput<K>>> {
  screenRead(name);
  const slot = slotOf(name, key);
  const asked = generation();
  const going = inFlight.get(slot);
  if (going && going.asked === asked) {
    // A screen that joins a read asked ahead takes its answer now: it is not kept as fresh for a later visit.
    if (!ahead) going.ahead = false;
    return going.answer as Promise<Asked<ApiOutput<K>>>;
  }
  const entry = { asked, ahead, answer: null as unknown as Promise<Asked<unknown>> };
  const answer = invoke(name, JSON.parse(key) as ApiInput<K>).then((r) => {
    if (inFlight.get(slot) === entry) inFlight.delete(slot);
    if (!r.ok) return { r, json: null };
    const json = JSON.stringify(r.value);
    keep(slot, json, r.value, asked, entry.ahead);
    return { r, json };
  });
  entry.answer = answer;
  inFlight.set(slot, entry);
  return answer;
}

/** Starts a read a screen is about to make; its answer waits in the kept answers, fresh for the first screen that takes it. */
export function askAhead<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Asked<ApiOutput<K>>> {
  return ask(name, JSON.stringify(arg), true);
}

/** The answer asked ahead for this read when it is waiting (taken once), else the read asked now. */
export function takeOrAsk<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Asked<ApiOutput<K>>> {
  const key = JSON.stringify(arg);
  const slot = slotOf(name, key);
  const kept = keptAnswer(slot);
  if (kept && takeAhead(slot)) return Promise.resolve({ r: { ok: true, value: kept.value as ApiOutput<K> }, json: kept.json });
  return ask(name, key);
}
