// Shipped: frozen as literal SQL. The CHECK lists are the codes of domain/codes.ts as they
// were when it shipped; a new code needs a new migration (test/unit/ledger/schema.test.ts).
import type { Migration } from './migration';

export const m002Ledger: Migration = {
  version: 2,
  name: '花名册、资助身份、参保缴费、用户与审计日志',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL REFERENCES villages (id),
        number TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        head_person_id INTEGER REFERENCES persons (id) DEFERRABLE INITIALLY DEFERRED,
        created_at TEXT NOT NULL,
        UNIQUE (village_id, number)
      ) STRICT;

      CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
        -- reversed, so "last digits" is an index range like any prefix
        id_rev TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(name) > 0),
        initials TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
        birth_date TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        phone TEXT NOT NULL DEFAULT '',
        phone_rev TEXT NOT NULL DEFAULT '',
        household_id INTEGER NOT NULL REFERENCES households (id),
        village_id INTEGER NOT NULL REFERENCES villages (id),
        relation TEXT NOT NULL DEFAULT '',
        residence TEXT NOT NULL DEFAULT 'local_hukou' CHECK (residence IN ('local_hukou', 'long_term_resident', 'permit', 'foreign_permanent', 'hmt_permit', 'hmt_student', 'talent_family')),
        student TEXT NOT NULL DEFAULT 'none' CHECK (student IN ('none', 'school', 'college')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'empty_registration', 'deceased', 'abroad')),
        status_on TEXT CHECK (status_on IS NULL OR (status_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
        employee_insured INTEGER NOT NULL DEFAULT 0 CHECK (employee_insured IN (0, 1)),
        out_of_county TEXT CHECK (out_of_county IS NULL OR out_of_county IN ('in_city_resident', 'in_city_employee', 'out_city_resident', 'out_city_employee', 'military', 'prison')),
        out_of_county_place TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX persons_id_rev ON persons (id_rev);
      CREATE INDEX persons_name ON persons (name);
      CREATE INDEX persons_initials ON persons (initials);
      CREATE INDEX persons_phone ON persons (phone) WHERE phone <> '';
      CREATE INDEX persons_phone_rev ON persons (phone_rev) WHERE phone_rev <> '';
      CREATE INDEX persons_household ON persons (household_id);
      CREATE INDEX persons_village ON persons (village_id, status);

      -- Two-character pieces of every name: most names are 2–3 characters, which FTS5's
      -- trigram tokenizer cannot find, so substring search goes through these.
      CREATE TABLE name_grams (
        gram TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
        PRIMARY KEY (gram, person_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE person_categories (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons (id),
        code TEXT NOT NULL CHECK (code IN ('destitute', 'orphan', 'unsupported_child', 'min_living', 'near_min_living', 'illness_poverty_patient', 'civil_affairs_other', 'severe_disability', 'disability_3_4', 'fp_reward', 'fp_special', 'fp_complication', 'old_demobilized', 'martyr_survivor', 'duty_death_survivor', 'illness_death_survivor', 'martyr_child_60', 'priority_care', 'special_care_six', 'special_care_two', 'ex_soldier_unemployed', 'returned_poverty', 'unstable_lifted', 'marginal_at_risk', 'sudden_hardship', 'illness_monitored', 'disabled_veteran_1_6', 'low_income_rural', 'stable_lifted', 'medical_aid', 'clergy')),
        department TEXT CHECK (department IS NULL OR department IN ('civil_affairs', 'veterans', 'disabled_federation', 'health', 'rural_revitalization', 'finance')),
        valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        valid_to TEXT CHECK (valid_to IS NULL OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
        source TEXT NOT NULL,
        source_on TEXT NOT NULL CHECK (source_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_categories_person ON person_categories (person_id, code);
      CREATE INDEX person_categories_code ON person_categories (code, valid_to);

      CREATE TABLE office_policies (
        coverage_year INTEGER PRIMARY KEY,
        policy_id TEXT NOT NULL
      ) STRICT;

      CREATE TABLE village_targets (
        village_id INTEGER NOT NULL REFERENCES villages (id),
        coverage_year INTEGER NOT NULL,
        target INTEGER NOT NULL CHECK (target >= 0),
        PRIMARY KEY (village_id, coverage_year)
      ) STRICT;

      CREATE TABLE receipt_counters (
        coverage_year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      -- A quote's basis is frozen with each enrollment, but thousands share the same one:
      -- each distinct basis is stored once.
      CREATE TABLE frozen_bases (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE enrollments (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons (id),
        coverage_year INTEGER NOT NULL,
        policy_id TEXT NOT NULL,
        tier INTEGER CHECK (tier IS NULL OR tier IN (1, 2)),
        paid_on TEXT NOT NULL CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        channel TEXT NOT NULL,
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        subsidy_fen INTEGER NOT NULL CHECK (subsidy_fen >= 0),
        personal_fen INTEGER NOT NULL CHECK (personal_fen >= 0),
        category TEXT,
        department TEXT,
        zero_declaration INTEGER NOT NULL CHECK (zero_declaration IN (0, 1)),
        benefit_start TEXT NOT NULL CHECK (benefit_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        benefit_end TEXT NOT NULL CHECK (benefit_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        receipt_no TEXT NOT NULL UNIQUE,
        quote_json TEXT NOT NULL,
        basis_id INTEGER NOT NULL REFERENCES frozen_bases (id),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'voided')),
        void_reason TEXT,
        voided_by TEXT,
        voided_at TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (fee_fen = subsidy_fen + personal_fen),
        CHECK ((status = 'voided') = (void_reason IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX enrollments_one_active ON enrollments (person_id, coverage_year) WHERE status = 'active';
      CREATE INDEX enrollments_year ON enrollments (coverage_year, status, paid_on);

      CREATE TABLE zero_declarations (
        enrollment_id INTEGER PRIMARY KEY REFERENCES enrollments (id),
        declared_on TEXT NOT NULL CHECK (declared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        declared_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE refunds (
        id INTEGER PRIMARY KEY,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        reason TEXT NOT NULL,
        basis_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      -- Append-only from inside the app too; an edit behind the app's back breaks the chain.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `);
  },
};
