import type { Migration } from './migration';
import { m001OfficeAndVillages } from './001-office-villages';
import { m002Ledger } from './002-ledger';
import { m003Imports } from './003-imports';
import { m004Snapshots } from './004-snapshots';
import { m005NamePieces } from './005-name-pieces';
import { m006ReceiptFullId } from './006-receipt-id';
import { m007PersonReferences } from './007-person-references';
import { m008CountWords } from './008-count-words';
import { m009PendingResolution } from './009-pending-resolution';
import { m010NotEnrolledReasons } from './010-not-enrolled-reasons';
import { m011InsuranceHistory } from './011-insurance-history';
import { m012CompleteYears } from './012-complete-years';
import { m013RowVersions } from './013-row-versions';
import { m014KnownYears } from './014-known-years';
import { m015OfficeContact } from './015-office-contact';
import { m016PaymentRefs } from './016-payment-refs';
import { m017FullLists } from './017-full-lists';
import { m018PlatformRegistration } from './018-platform-registration';
import { m019WriteKeys } from './019-write-keys';
import { m020Seats } from './020-seats';

export type { Migration };

/** Ordered; versions only increase. A shipped migration is never edited (test/unit/ledger/migrations-frozen.test.ts fails): add one, one change each. */
export const MIGRATIONS: readonly Migration[] = [
  m001OfficeAndVillages,
  m002Ledger,
  m003Imports,
  m004Snapshots,
  m005NamePieces,
  m006ReceiptFullId,
  m007PersonReferences,
  m008CountWords,
  m009PendingResolution,
  m010NotEnrolledReasons,
  m011InsuranceHistory,
  m012CompleteYears,
  m013RowVersions,
  m014KnownYears,
  m015OfficeContact,
  m016PaymentRefs,
  m017FullLists,
  m018PlatformRegistration,
  m019WriteKeys,
  m020Seats,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
