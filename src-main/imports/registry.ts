// The import kinds by name: the one place a new kind is added.
import type { ImportKind } from '../types/imports';
import type { ImportKindModule } from './kind';
import { categoriesKind } from './kinds/categories';
import { insuranceKind } from './kinds/insurance';
import { paymentsKind } from './kinds/payments';
import { rosterKind } from './kinds/roster';
import { situationsKind } from './kinds/situations';

export const IMPORT_KINDS: Readonly<Record<ImportKind, ImportKindModule>> = {
  roster: rosterKind,
  categories: categoriesKind,
  payments: paymentsKind,
  situations: situationsKind,
  insurance: insuranceKind,
};
