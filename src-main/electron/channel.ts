export const INVOKE_CHANNEL = 'canbao:invoke';
/** Save a copy of an exported file where the clerk chooses (the desktop's download). */
export const SAVE_CHANNEL = 'canbao:save-copy';
/** Open the main PC's page in a seat window, pinned to the key the clerk compared (issue 30). */
export const SEAT_CHANNEL = 'canbao:open-seat';
