import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The two architecture rules the compiler cannot see: the domain stays pure, and the
// renderer reaches the main process only through the API contract's types.
const DOMAIN_FORBIDDEN = ['electron', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'better-sqlite3', 'exceljs'];

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
            { group: ['**/ledger/**', '**/api/**', '**/excel/**', '**/electron/**', '**/host/**'], message: 'src-main/domain 不得依赖外层模块。' },
          ],
        },
      ],
    },
  },
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
