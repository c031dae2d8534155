import type { ApiInput, ApiName, ApiOutput, Result } from '../src-main/api/contract';

interface Bridge {
  invoke(name: string, arg: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    /** Present only in the Electron window (preload); absent in the browser host. */
    canbao?: Bridge;
  }
}

function hostToken(): string {
  return document.querySelector('meta[name="canbao-token"]')?.getAttribute('content') ?? '';
}

const UNREACHABLE = {
  ok: false,
  error: { code: 'unavailable', message: '无法连接到 canbao 服务，请确认程序仍在运行后刷新页面。' },
} as const;

/** The renderer's only door to the main process: IPC in Electron, HTTP in the browser host. */
export async function invoke<K extends ApiName>(name: K, arg: ApiInput<K>): Promise<Result<ApiOutput<K>>> {
  if (window.canbao) return (await window.canbao.invoke(name, arg)) as Result<ApiOutput<K>>;
  try {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-canbao-token': hostToken() },
      body: JSON.stringify(arg),
    });
    return (await res.json()) as Result<ApiOutput<K>>;
  } catch {
    return UNREACHABLE;
  }
}
