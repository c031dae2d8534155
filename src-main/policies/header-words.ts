// The header words (resources/layouts/headers.yaml). The only place that knows where they are.
import path from 'node:path';
import { headerWordsSchema, type HeaderWords } from '../domain/import/fields';
import { defaultPolicyDir } from './load';
import { cachedYamlTable, readYamlTable } from './yaml-table';

export const defaultHeaderFile = () => path.join(path.dirname(defaultPolicyDir()), 'layouts', 'headers.yaml');

export const readHeaderWords = (file: string): HeaderWords => readYamlTable(file, headerWordsSchema);

export const headerWords: () => HeaderWords = cachedYamlTable(defaultHeaderFile, headerWordsSchema);
