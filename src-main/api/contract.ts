// The one contract between the renderer and the main process. Types only: the renderer
// imports this file and nothing else from src-main, so it must stay free of runtime code.

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, written for the clerk. */
  message: string;
  /** The input field the message is about, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface Office {
  /** 乡镇/街道 name, e.g. 农坝镇. Empty until the office sets it up. */
  townshipName: string;
  /** 所属区县, e.g. 云阳县. */
  county: string;
}

export interface Village {
  id: number;
  /** The office's own code for the 村/社区 (often the statistical division code). */
  code: string;
  name: string;
  /** Date (YYYY-MM-DD) the village was retired; null while in use. */
  retiredOn: string | null;
}

type Empty = Record<string, never>;

export interface Api {
  'office.get': { input: Empty; output: Office };
  'office.update': { input: Office; output: Office };
  'villages.list': { input: { includeRetired?: boolean }; output: Village[] };
  'villages.add': { input: { code: string; name: string }; output: Village };
  'villages.rename': { input: { id: number; name: string }; output: Village };
  'villages.retire': { input: { id: number }; output: Village };
  'villages.restore': { input: { id: number }; output: Village };
}

export type ApiName = keyof Api;
export type ApiInput<K extends ApiName> = Api[K]['input'];
export type ApiOutput<K extends ApiName> = Api[K]['output'];
