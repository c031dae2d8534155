import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from './channel';

// Exactly one function crosses the bridge; the typed client in the renderer wraps it.
contextBridge.exposeInMainWorld('canbao', {
  invoke: (name: string, arg: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, name, arg),
});
