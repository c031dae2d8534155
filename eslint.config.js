import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// The architecture rules the compiler cannot see: the domain stays pure; storage (ledger/)
// knows the domain and the entity types only; the Excel readers and writers know neither the
// ledger nor the imports and papers built on them, and nothing below the API reaches back into it; the renderer reaches the main process only through the API contract's types.
const DOMAIN_FORBIDDEN = ['electron', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'better-sqlite3', 'exceljs'];
const folders = (...names) => names.flatMap((n) => [`**/${n}/**`, `../${n}`, `../../${n}`]);
const layer = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: folders(...forbidden), message }] }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: DOMAIN_FORBIDDEN.map((name) => ({ name, message: 'src-main/domain 必须是纯逻辑：不得依赖 Electron、文件系统、数据库或 Excel。' })),
          patterns: [
            { group: ['electron/*', 'exceljs/*', 'better-sqlite3/*'], message: 'src-main/domain 必须是纯逻辑。' },
            {
              group: folders('ledger', 'api', 'excel', 'electron', 'host', 'files', 'types', 'policies', 'cli'),
              message: 'src-main/domain 不得依赖 canbao 的其他文件夹。',
            },
          ],
        },
      ],
    },
  },
  {
    // A cycle makes "who depends on whom" unanswerable, and load order a matter of luck.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  layer(
    ['src-main/ledger/**'],
    ['api', 'excel', 'imports', 'outputs', 'enrollment', 'service', 'electron', 'host', 'files', 'policies', 'cli'],
    'src-main/ledger 只能依赖 domain 和 types。',
  ),
  layer(
    ['src-main/excel/**'],
    ['api', 'ledger', 'imports', 'outputs', 'enrollment', 'service', 'electron', 'host', 'cli'],
    'src-main/excel 只放表格的读写：不得依赖台账、导入或 api。',
  ),
  layer(['src-main/imports/**', 'src-main/outputs/**'], ['api', 'electron', 'host', 'cli'], 'src-main/imports、src-main/outputs（导入、导出）不得依赖 api。'),
  layer(
    ['src-main/enrollment/**', 'src-main/service/**'],
    ['api', 'electron', 'host', 'cli'],
    '业务规则（src-main/enrollment、src-main/service）不得依赖 api：api 只做校验和转发。',
  ),
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'src-main/(?!api/contract$)',
              message: '界面只能通过 API 合约（src-main/api/contract）与主进程交互。',
            },
            { group: ['electron', 'better-sqlite3', 'exceljs', 'node:*'], message: '界面代码不得直接使用主进程模块。' },
          ],
        },
      ],
    },
  },
);
