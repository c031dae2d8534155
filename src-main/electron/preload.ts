import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { INVOKE_CHANNEL, SAVE_CHANNEL, SEAT_CHANNEL } from './channel';

// The handler map is the one door; the two file helpers exist because a sandboxed page can
// neither read a chosen file's path nor pick where a file is saved, and the seat's because only
// the shell can open a window that trusts the main PC's key.
contextBridge.exposeInMainWorld('canbao', {
  invoke: (name: string, arg: unknown, key?: string): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, name, arg, key),
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  saveCopy: (file: string): Promise<unknown> => ipcRenderer.invoke(SAVE_CHANNEL, file),
  openSeat: (url: string, pin: string): Promise<unknown> => ipcRenderer.invoke(SEAT_CHANNEL, url, pin),
});
