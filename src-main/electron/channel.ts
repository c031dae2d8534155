export const INVOKE_CHANNEL = 'canbao:invoke';
