// The header words (resources/layouts/headers.yaml), as the app ships them.
import path from 'node:path';
import { headerWordsSchema, type HeaderWords } from '../domain/import/fields';
import { bundledTables, defaultResourcesDir, TABLE_FILES } from './county-tables';
import { readYamlTable } from './yaml-table';

export const defaultHeaderFile = () => path.join(defaultResourcesDir(), TABLE_FILES.headers);

export const readHeaderWords = (file: string): HeaderWords => readYamlTable(file, headerWordsSchema);

/** The app's own words, re-read when they change; the office's imports use `ctx.tables` instead. */
export const headerWords = (): HeaderWords => bundledTables().headerWords();
