// antd's prebuilt CSS (Shell.tsx: theme.zeroRuntime) puts its design tokens and every
// component's variables on one class. If an antd update renames it, every button and input
// loses its colours and sizes without an error anywhere, so the class is checked here.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const antdCss = fs.readFileSync(createRequire(import.meta.url).resolve('antd/dist/antd.css'), 'utf8');
const key = /ANTD_CSS_VAR_KEY = '([^']+)'/.exec(read('src-renderer/antdKey.ts'))?.[1];

describe("antd's prebuilt CSS and the shell agree", () => {
  it('the shell names a cssVar key', () => {
    expect(key).toMatch(/^css-var-/);
  });

  it("the prebuilt CSS sets the design tokens and the components' variables on that class", () => {
    expect(antdCss).toContain(`.${key}{--ant-blue:`);
    expect(antdCss).toMatch(new RegExp(`\\.${key}\\{[^}]*--ant-color-primary:`));
    expect(antdCss).toContain(`.${key}.ant-btn{`);
    expect(antdCss).toContain(`.${key}.ant-table-css-var{`);
  });

  it("app.css sets the app's font on that class, after the prebuilt CSS", () => {
    expect(read('src-renderer/app.css')).toMatch(new RegExp(`\\.${key}\\s*\\{\\s*--ant-font-family: 'Microsoft YaHei'`));
    const shell = read('src-renderer/Shell.tsx');
    expect(shell.indexOf("import 'antd/dist/antd.css'")).toBeGreaterThan(-1);
    expect(shell.indexOf("import './app.css'")).toBeGreaterThan(shell.indexOf("import 'antd/dist/antd.css'"));
  });
});
