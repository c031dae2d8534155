export function ensureElectronNative(): void;
