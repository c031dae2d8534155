-- The ledger's schema at version 20, as SQLite keeps it after every migration.
-- Written by test/unit/ledger/schema.test.ts (CANBAO_WRITE_SCHEMA=1); never edited by hand.

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TRIGGER enrollments_insert_stamps_person AFTER INSERT ON enrollments BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER enrollments_update_stamps_person AFTER UPDATE ON enrollments BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER households_changed AFTER UPDATE OF village_id, number ON households BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE household_id = NEW.id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.household_id = NEW.id;
      END;

CREATE TRIGGER insurance_history_delete_stamps_person AFTER DELETE ON insurance_history BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = OLD.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = OLD.person_id;
        END;

CREATE TRIGGER insurance_history_insert_stamps_person AFTER INSERT ON insurance_history BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER insurance_history_update_stamps_person AFTER UPDATE ON insurance_history BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER not_enrolled_reasons_delete_stamps_person AFTER DELETE ON not_enrolled_reasons BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = OLD.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = OLD.person_id;
        END;

CREATE TRIGGER not_enrolled_reasons_insert_stamps_person AFTER INSERT ON not_enrolled_reasons BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER not_enrolled_reasons_update_stamps_person AFTER UPDATE ON not_enrolled_reasons BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER person_categories_delete_stamps_person AFTER DELETE ON person_categories BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = OLD.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = OLD.person_id;
        END;

CREATE TRIGGER person_categories_insert_stamps_person AFTER INSERT ON person_categories BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER person_categories_update_stamps_person AFTER UPDATE ON person_categories BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.person_id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.person_id;
        END;

CREATE TRIGGER persons_changed AFTER UPDATE ON persons WHEN NEW.changed_seq IS OLD.changed_seq BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = NEW.id;
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = NEW.id;
      END;

CREATE TRIGGER refunds_insert_stamps_person AFTER INSERT ON refunds BEGIN 
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE id = (SELECT person_id FROM enrollments WHERE id = NEW.enrollment_id);
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.id = (SELECT person_id FROM enrollments WHERE id = NEW.enrollment_id);
        END;

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

CREATE TABLE "enrollments" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE "frozen_bases" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        hash TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL
      ) STRICT;

CREATE TABLE full_list_members (
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        person_id INTEGER NOT NULL REFERENCES persons (id),
        code TEXT NOT NULL,
        PRIMARY KEY (batch_id, person_id, code)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE "households" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        village_id INTEGER NOT NULL REFERENCES villages (id),
        number TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        head_person_id INTEGER REFERENCES persons (id) DEFERRABLE INITIALLY DEFERRED,
        created_at TEXT NOT NULL,
        UNIQUE (village_id, number)
      ) STRICT;

CREATE TABLE "import_batches" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('roster', 'categories', 'payments', 'situations', 'insurance')),
        file_name TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        options_json TEXT NOT NULL DEFAULT '{}',
        undone_at TEXT,
        undone_by TEXT
      , clock INTEGER) STRICT;

CREATE TABLE import_changes (
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        seq INTEGER NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
        before_json TEXT,
        PRIMARY KEY (batch_id, seq)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE import_layouts (
        signature TEXT NOT NULL,
        kind TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (signature, kind)
      ) STRICT;

CREATE TABLE insurance_history (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        coverage_year INTEGER NOT NULL CHECK (coverage_year BETWEEN 1998 AND 2100),
        scheme TEXT NOT NULL CHECK (scheme IN ('resident', 'employee')),
        insured INTEGER NOT NULL CHECK (insured IN (0, 1)),
        -- 所属区划 as the file gave it ('' when it did not)
        division TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        set_at TEXT NOT NULL, ended INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1)),
        PRIMARY KEY (person_id, coverage_year, scheme)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE known_years (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        coverage_year INTEGER NOT NULL CHECK (coverage_year BETWEEN 1998 AND 2100),
        -- the import of the township's full list; NULL for the office's mark
        batch_id INTEGER REFERENCES import_batches (id),
        -- how many of the roster the list named, or the mark turned into 未参保
        persons INTEGER NOT NULL CHECK (persons >= 0),
        known_by TEXT NOT NULL,
        known_at TEXT NOT NULL,
        withdrawn_by TEXT,
        withdrawn_at TEXT,
        CHECK ((withdrawn_by IS NULL) = (withdrawn_at IS NULL))
      ) STRICT;

CREATE TABLE lan_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
        -- the network interface's name as the system gives it ('以太网', 'eth0')
        interface TEXT NOT NULL DEFAULT ''
      ) STRICT;

CREATE TABLE ledger_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        batch INTEGER
      ) STRICT;

CREATE TABLE name_pieces (
        gram TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (gram, name)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE not_enrolled_reasons (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        coverage_year INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('refused', 'missing', 'unreachable', 'deregistered', 'moved_out', 'other')),
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (person_id, coverage_year)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        township_name TEXT NOT NULL,
        county TEXT NOT NULL
      , receipt_full_id INTEGER NOT NULL DEFAULT 0 CHECK (receipt_full_id IN (0, 1)), county_code TEXT NOT NULL DEFAULT '' CHECK (county_code = '' OR county_code GLOB '[1-9][0-9][0-9][0-9][0-9][0-9]'), phone TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', public_days INTEGER NOT NULL DEFAULT 7 CHECK (public_days BETWEEN 1 AND 60)) STRICT;

CREATE TABLE office_policies (
        coverage_year INTEGER PRIMARY KEY,
        policy_id TEXT NOT NULL
      ) STRICT;

CREATE TABLE payment_refs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        -- 电子税票号码|证件号码|险种类型|费款所属期, or NULL where the file had no 税票号码
        tax_key TEXT,
        -- the 医保 detail's own id, where the file has one
        detail_id TEXT,
        CHECK (tax_key IS NOT NULL OR detail_id IS NOT NULL)
      ) STRICT;

CREATE TABLE "pending_payments" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        row_number INTEGER NOT NULL,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        paid_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        tier INTEGER,
        channel TEXT NOT NULL,
        coverage_year INTEGER NOT NULL,
        reason TEXT NOT NULL,
        resolved_at TEXT
      , resolution TEXT CHECK (resolution IN ('recorded', 'dismissed', 'undone')), resolved_by TEXT, resolution_note TEXT, enrollment_id INTEGER REFERENCES enrollments (id), personal_known INTEGER NOT NULL DEFAULT 1 CHECK (personal_known IN (0, 1)), subsidy_fen INTEGER, category_label TEXT NOT NULL DEFAULT '', reverses TEXT) STRICT;

CREATE TABLE "person_categories" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id INTEGER NOT NULL REFERENCES persons (id),
        code TEXT NOT NULL CHECK (code IN ('destitute', 'orphan', 'unsupported_child', 'min_living', 'near_min_living', 'illness_poverty_patient', 'civil_affairs_other', 'severe_disability', 'disability_3_4', 'fp_reward', 'fp_special', 'fp_complication', 'old_demobilized', 'martyr_survivor', 'duty_death_survivor', 'illness_death_survivor', 'martyr_child_60', 'priority_care', 'special_care_six', 'special_care_two', 'ex_soldier_unemployed', 'returned_poverty', 'unstable_lifted', 'marginal_at_risk', 'sudden_hardship', 'illness_monitored', 'disabled_veteran_1_6', 'low_income_rural', 'stable_lifted', 'medical_aid', 'clergy')),
        department TEXT CHECK (department IS NULL OR department IN ('civil_affairs', 'veterans', 'disabled_federation', 'health', 'rural_revitalization', 'finance')),
        valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        valid_to TEXT CHECK (valid_to IS NULL OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
        source TEXT NOT NULL,
        source_on TEXT NOT NULL CHECK (source_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , checked_on TEXT, checked_by TEXT) STRICT;

CREATE TABLE person_changes (
        seq INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        batch_id INTEGER,
        PRIMARY KEY (person_id, seq)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE "persons" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
      , changed_seq INTEGER NOT NULL DEFAULT 0) STRICT;

CREATE TABLE platform_persons (
        person_id INTEGER NOT NULL REFERENCES persons (id),
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        person_no TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (person_id, batch_id)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE progress_snapshots (
        coverage_year INTEGER NOT NULL,
        week_of TEXT NOT NULL CHECK (week_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        village_id INTEGER NOT NULL REFERENCES villages (id),
        target INTEGER NOT NULL,
        enrolled INTEGER NOT NULL,
        taken_at TEXT NOT NULL,
        PRIMARY KEY (coverage_year, week_of, village_id)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE receipt_counters (
        coverage_year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

CREATE TABLE "refunds" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        reason TEXT NOT NULL,
        basis_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE registration_exports (
        person_id INTEGER PRIMARY KEY REFERENCES persons (id),
        -- persons.changed_seq when exported: a change since makes the person due again
        changed_seq INTEGER NOT NULL,
        exported_at TEXT NOT NULL,
        exported_by TEXT NOT NULL
      ) STRICT;

CREATE TABLE seats (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        paired_at TEXT NOT NULL,
        paired_from TEXT NOT NULL,
        last_seen_at TEXT,
        last_address TEXT,
        revoked_at TEXT,
        revoked_by TEXT
      ) STRICT;

CREATE TABLE "users" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE village_targets (
        village_id INTEGER NOT NULL REFERENCES villages (id),
        coverage_year INTEGER NOT NULL,
        target INTEGER NOT NULL CHECK (target >= 0),
        PRIMARY KEY (village_id, coverage_year)
      ) STRICT;

CREATE TABLE "villages" (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) > 0),
        retired_on TEXT CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_on TEXT NOT NULL
      , unit_code TEXT NOT NULL DEFAULT '') STRICT;

CREATE TABLE write_keys (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- the change's arguments (SHA-256 of their JSON): the same key with others is not a retry
        arg_hash TEXT NOT NULL,
        done_by TEXT NOT NULL,
        done_at TEXT NOT NULL,
        answer TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

CREATE TABLE zero_declarations (
        enrollment_id INTEGER PRIMARY KEY REFERENCES enrollments (id),
        declared_on TEXT NOT NULL CHECK (declared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        declared_by TEXT NOT NULL
      ) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE UNIQUE INDEX enrollments_one_active ON enrollments (person_id, coverage_year) WHERE status = 'active';

CREATE INDEX enrollments_person ON enrollments (person_id);

CREATE INDEX enrollments_year ON enrollments (coverage_year, status, paid_on);

CREATE INDEX full_list_members_person ON full_list_members (person_id);

CREATE INDEX households_head ON households (head_person_id);

CREATE INDEX known_years_year ON known_years (coverage_year);

CREATE INDEX payment_refs_detail_id ON payment_refs (detail_id) WHERE detail_id IS NOT NULL;

CREATE INDEX payment_refs_enrollment ON payment_refs (enrollment_id);

CREATE INDEX payment_refs_tax_key ON payment_refs (tax_key) WHERE tax_key IS NOT NULL;

CREATE INDEX pending_payments_id_number ON pending_payments (id_number, coverage_year);

CREATE INDEX person_categories_code ON person_categories (code, valid_to);

CREATE INDEX person_categories_person ON person_categories (person_id, code);

CREATE INDEX persons_household ON persons (household_id);

CREATE INDEX persons_id_rev ON persons (id_rev);

CREATE INDEX persons_initials ON persons (initials);

CREATE INDEX persons_name ON persons (name);

CREATE INDEX persons_phone ON persons (phone) WHERE phone <> '';

CREATE INDEX persons_phone_rev ON persons (phone_rev) WHERE phone_rev <> '';

CREATE INDEX persons_village ON persons (village_id, status);

CREATE UNIQUE INDEX villages_active_name ON villages (name) WHERE retired_on IS NULL;

CREATE INDEX write_keys_done_at ON write_keys (done_at);
