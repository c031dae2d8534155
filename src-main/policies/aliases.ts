// The alias table (resources/aliases/categories.yaml), as the app ships it.
import path from 'node:path';
import { aliasTableSchema, type AliasTable } from '../domain/import/category-labels';
import { bundledTables, defaultResourcesDir, TABLE_FILES } from './county-tables';
import { readYamlTable } from './yaml-table';

export const defaultAliasFile = () => path.join(defaultResourcesDir(), TABLE_FILES.aliases);

export const readAliasTable = (file: string): AliasTable => readYamlTable(file, aliasTableSchema);

/** The app's own table, re-read when it changes; the office's ledger uses `ctx.tables` instead. */
export const categoryAliases = (): AliasTable => bundledTables().aliases();
