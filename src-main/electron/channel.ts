export const INVOKE_CHANNEL = 'canbao:invoke';
/** Save a copy of an exported file where the clerk chooses (the desktop's download). */
export const SAVE_CHANNEL = 'canbao:save-copy';
