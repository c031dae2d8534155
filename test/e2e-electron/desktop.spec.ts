import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, NATIVE_BINDING } from '../../scripts/electron-env.mjs';
import { ensureElectronNative } from '../../scripts/electron-native.mjs';

const binary = electronBinary() as string | null;

const SKIP_REASON = 'Electron 运行环境不在本机（node_modules/electron 里没有下载好的二进制文件），跳过桌面版测试；浏览器版测试照常运行。';
if (!binary) console.log(`[electron] ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

test('the desktop window opens locked down and the settings flow works through IPC', async () => {
  ensureElectronNative();
  expect(fs.existsSync(NATIVE_BINDING)).toBe(true);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, CANBAO_DATA: dataDir },
  });
  try {
    const page = await app.firstWindow();
    // Isolated and sandboxed: the page sees the one bridge function and no Node at all.
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as { canbao?: object; require?: unknown; process?: unknown };
      return { bridge: Object.keys(g.canbao ?? {}), require: typeof g.require, process: typeof g.process };
    });
    expect(seen).toEqual({ bridge: ['invoke'], require: 'undefined', process: 'undefined' });
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null)).toBe(true);

    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByLabel('乡镇/街道').fill('栗子乡');
    await page.getByRole('button', { name: '保 存' }).click();
    await expect(page.getByTestId('header-office')).toHaveText('栗子乡');
    expect(fs.existsSync(path.join(dataDir, 'canbao.sqlite'))).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
