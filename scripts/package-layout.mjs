// The package layout check (not an installer build): electron-builder packs the built app for
// `--linux dir` against a stand-in Electron folder, offline, which validates the whole
// configuration (the nsis section included) and writes the real app.asar; then the archive is
// listed and held to what the desktop needs. The Windows installer itself is `npm run dist:win`,
// where the network exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asar from '@electron/asar';
import { build, Platform } from 'electron-builder';
import YAML from 'yaml';

const root = path.resolve(import.meta.dirname, '..');

/** The configuration in the repository, with `change` applied (the check's own trials use it). */
export function layoutConfig(change = (c) => c) {
  return change(YAML.parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
}

/** Packs for linux dir into a fresh folder; returns that folder's resources/ path. */
async function pack(config) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-layout-'));
  const electron = path.join(work, 'electron-standin');
  fs.mkdirSync(electron);
  fs.writeFileSync(path.join(electron, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n', { mode: 0o755 });
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist: electron, npmRebuild: false, directories: { ...config.directories, output: path.join(work, 'dist') } },
  });
  return { work, resources: path.join(work, 'dist', 'linux-unpacked', 'resources') };
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** What is wrong with the packed app, one line each; empty when the layout is right. */
export function layoutProblems(resources) {
  const problems = [];
  const archive = path.join(resources, 'app.asar');
  if (!fs.existsSync(archive)) return [`没有 app.asar：${archive}`];
  const files = new Set(asar.listPackage(archive, {}).map((f) => f.replaceAll('\\', '/')));
  const need = (f, why) => files.has(f) || problems.push(`缺少 ${f}（${why}）`);
  need('/package.json', '应用的 package.json');
  need('/out/main/index.js', '桌面版主进程');
  need('/out/main/import-worker.js', '花名册导入的工作线程');
  need('/out/preload/index.cjs', '窗口的 preload');
  need('/out/renderer/index.html', '界面');
  if (![...files].some((f) => /^\/out\/renderer\/assets\/index-[^/]+\.js$/.test(f))) problems.push('缺少界面的脚本 /out/renderer/assets/index-*.js');
  for (const f of fs.readdirSync(path.join(root, 'resources/policies')).filter((x) => x.endsWith('.yaml')))
    need(`/resources/policies/${f}`, '政策文件（src-main/policies/load.ts 在 app.asar/resources/policies 找它们）');
  for (const f of fs.readdirSync(path.join(root, 'resources/aliases')).filter((x) => x.endsWith('.yaml')))
    need(`/resources/aliases/${f}`, '类别别名表（src-main/policies/aliases.ts 在 app.asar/resources/aliases 找它）');
  for (const f of fs.readdirSync(path.join(root, 'resources/layouts')).filter((x) => x.endsWith('.yaml')))
    need(`/resources/layouts/${f}`, '表头词表（src-main/policies/header-words.ts 在 app.asar/resources/layouts 找它）');
  for (const dep of Object.keys(pkg.dependencies)) need(`/node_modules/${dep}/package.json`, '运行时依赖');

  const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  if (packed.name !== 'canbao') problems.push(`打包的 package.json 名为 ${packed.name}，数据文件夹会随之改变（应为 canbao）`);

  for (const f of files) {
    if (/^\/(test|bench|scripts|docs|src-main|src-renderer|\.ci|dist)(\/|$)/.test(f)) problems.push(`不应打包：${f}`);
    else if (!f.startsWith('/node_modules/') && /\.(ts|tsx|map)$/.test(f)) problems.push(`不应打包源代码：${f}`);
  }
  // Dev dependencies have no place in the package, unless a runtime dependency needs them too.
  const runtime = new Set(
    [...files]
      .filter((f) => f.startsWith('/node_modules/'))
      .map((f) =>
        f
          .split('/')
          .slice(2, f.split('/')[2]?.startsWith('@') ? 4 : 3)
          .join('/'),
      ),
  );
  for (const dev of [
    'electron',
    'electron-vite',
    'electron-builder',
    'vite',
    'vitest',
    'typescript',
    'eslint',
    'prettier',
    '@playwright/test',
    'antd',
    'react',
    'react-dom',
    'tsx',
    'fast-check',
  ])
    if (runtime.has(dev)) problems.push(`不应打包开发依赖：node_modules/${dev}`);

  const native = path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (!fs.existsSync(native)) problems.push('better_sqlite3.node 没有解包到 app.asar.unpacked（在 asar 里无法加载）');
  return problems;
}

/** Packs with `config` and checks the result; the temporary folder is removed. */
export async function checkLayout(config) {
  const { work, resources } = await pack(config);
  try {
    return { problems: layoutProblems(resources), files: asar.listPackage(path.join(resources, 'app.asar'), {}).length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
    console.error('没有构建结果 out/：请先运行 npm run build。');
    process.exit(1);
  }
  const started = Date.now();
  const { problems, files } = await checkLayout(layoutConfig());
  if (problems.length) {
    console.error(`打包布局检查未通过：\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  // The check checks itself: a package without the policy files, and a misspelt nsis key, must fail.
  const without = await checkLayout(layoutConfig((c) => ({ ...c, files: [...c.files, '!resources/policies/**'] })));
  if (!without.problems.some((p) => p.includes('/resources/policies/'))) {
    console.error('打包布局检查失灵：去掉政策文件的包也通过了检查。');
    process.exit(1);
  }
  let refused = false;
  try {
    await checkLayout(layoutConfig((c) => ({ ...c, nsis: { ...c.nsis, perMachin: false } })));
  } catch (e) {
    refused = /Invalid configuration object/.test(String(e?.message ?? e));
  }
  if (!refused) {
    console.error('打包布局检查失灵：拼错的 nsis 配置项没有被拒绝。');
    process.exit(1);
  }
  console.log(
    `打包布局检查通过：app.asar 有 ${files} 项，better_sqlite3.node 已解包；缺政策文件的包和拼错的配置都被拒绝（${((Date.now() - started) / 1000).toFixed(0)} 秒）。`,
  );
}
