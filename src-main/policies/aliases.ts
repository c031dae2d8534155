// The alias table (resources/aliases/categories.yaml). The only place that knows where it is.
import path from 'node:path';
import { aliasTableSchema, type AliasTable } from '../domain/import/category-labels';
import { defaultPolicyDir } from './load';
import { cachedYamlTable, readYamlTable } from './yaml-table';

export const defaultAliasFile = () => path.join(path.dirname(defaultPolicyDir()), 'aliases', 'categories.yaml');

export const readAliasTable = (file: string): AliasTable => readYamlTable(file, aliasTableSchema);

export const categoryAliases: () => AliasTable = cachedYamlTable(defaultAliasFile, aliasTableSchema);
