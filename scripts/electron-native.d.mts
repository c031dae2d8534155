export function ensureElectronNative(options?: { timeoutMs?: number }): void;
