import type { YearRecord } from '../domain/policy/lapse';
import type { OutOfCounty, OutOfScope, PersonCategory, Residence, StudentKind, Department } from '../domain/codes';
import type { HistoryEntry } from '../domain/history';
import type { Enrollment, Refund } from './enroll';

export type PersonStatus = 'active' | OutOfScope;

export interface Household {
  id: number;
  villageId: number;
  villageName: string;
  number: string;
  address: string;
  headPersonId: number | null;
  headName: string | null;
  members: number;
}

export interface Person {
  id: number;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  householdId: number;
  householdNumber: string;
  villageId: number;
  villageName: string;
  relation: string;
  residence: Residence;
  student: StudentKind;
  status: PersonStatus;
  statusOn: string | null;
  employeeInsured: boolean;
  outOfCounty: OutOfCounty | null;
  outOfCountyPlace: string;
  /**
   * The ledger's change number when this person or a row of theirs last changed: a screen
   * sends it back with a change (`seen`), and one made on an older reading is refused.
   */
  version: number;
}

export interface CertifiedCategory {
  id: number;
  personId: number;
  code: PersonCategory;
  department: Department | null;
  validFrom: string;
  validTo: string | null;
  source: string;
  sourceOn: string;
  createdBy: string;
}

export interface PersonInput {
  idNumber: string;
  name: string;
  phone?: string;
  householdId: number;
  relation?: string;
  residence?: Residence;
  student?: StudentKind;
}

export interface PersonPatch {
  id: number;
  name?: string;
  phone?: string;
  relation?: string;
  residence?: Residence;
  student?: StudentKind;
  /** Person.version as the screen showed it: a change made on an older reading is refused. */
  seen?: number;
}

/** What an ID number typed at the desk says, before anything is saved. */
export interface IdCheck {
  valid: boolean;
  /** Why it is not valid, or a note on a valid one (a 15-digit number upgraded). */
  message: string | null;
  idNumber: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  /** Who is already registered with this number. */
  existing: { id: number; name: string; villageName: string; householdNumber: string } | null;
}

/** Everything the person drawer shows. */
export interface PersonDetail {
  person: Person;
  categories: CertifiedCategory[];
  enrollments: Enrollment[];
  refunds: Refund[];
  /** Enrollments a refund would go through for now: the policy has 退费, none was made, and something is due. */
  refundable: number[];
  /** Newest first; at most 200. */
  history: HistoryEntry[];
  /** What 医保's lists said of each year, per scheme (newest year first). */
  insuranceYears: InsuranceYear[];
  /** The person's last four years as a lapse is counted from them, oldest first. */
  yearRow: YearRecord[];
}

export interface InsuranceYear {
  year: number;
  scheme: 'resident' | 'employee';
  insured: boolean;
  division: string;
  source: string;
}

export interface BookMember {
  id: number;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  relation: string;
  status: PersonStatus;
  /** The receipt of the year's enrollment in force, when the year was asked and paid. */
  receiptNo: string | null;
  /** Person.version, sent back with a change made from this list. */
  version: number;
}

export interface BookHousehold {
  id: number;
  number: string;
  address: string;
  headName: string | null;
  members: BookMember[];
}

export interface VillageBook {
  villageId: number;
  villageName: string;
  households: BookHousehold[];
}
