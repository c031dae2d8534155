export function electronVersion(): string;
export function electronBinary(): string | null;
export const NATIVE_DIR: string;
export const NATIVE_BINDING: string;
