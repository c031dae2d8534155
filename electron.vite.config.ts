import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src-main/host/csp';

// The built page carries its own CSP so the Electron window (file://) is locked down as
// tightly as the browser host, which also sends it as a header.
const cspMeta = (): Plugin => ({
  name: 'canbao-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    ),
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          host: resolve('src-main/host/main.ts'),
          // The roster import's worker thread, started by path from either entry.
          'import-worker': resolve('src-main/imports/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), cspMeta()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
      // electron-vite's renderer preset leaves the page unminified: an old office PC fetches and
      // parses 3.1 MB before the login shows (issue 26). Minified it is under half of that.
      // CANBAO_NO_MINIFY=1 keeps the names, for reading a CPU profile of the page.
      minify: !process.env.CANBAO_NO_MINIFY,
      chunkSizeWarningLimit: 3000,
    },
  },
});
