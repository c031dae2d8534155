// A dry run is a promise about the rows it read: its commit writes only if every person the
// file names is still who, and as, the dry run found them. Otherwise the commit is refused with
// what changed (另一个窗口撤销了第 5 批导入 …), told from the log of stamps and the audit entries
// since; the desk's refusals of a stale screen (api/seen.ts) are told the same way.
import type { Database } from 'better-sqlite3';
import { chinaDate } from '../domain/dates';
import {
  auditSince,
  batchTouches,
  lastChangeSince,
  lastEntryOf,
  ledgerMark,
  personIdsOf,
  staleSince,
  type AuditRow,
  type LedgerMark,
  type StaleRow,
} from '../ledger/changes-since';
import { batchDoneBy, batchFileName } from '../ledger/import-batches';
import { knownWaysSince } from '../ledger/known-years';
import { personName } from '../ledger/roster';
import { displayNames as namesOf } from '../ledger/users';
import { OUT_OF_COUNTY, OUT_OF_SCOPE, RESIDENCES, STUDENT_KINDS } from '../domain/codes';

/** How many changed rows a roster's commit names at most (ledger/staging's staleStaged). */
export const STALE_LIMIT = 1000;

/** What a dry run read: the ledger's mark before it began, and who each ID number named. */
export interface ReadPromise {
  mark: LedgerMark;
  seen: Map<string, number | null>;
}

/** Taken before the dry run reads the ledger: anything changed after it shows at the commit. */
export const beginPromise = (db: Database): LedgerMark => ledgerMark(db);

export function promiseOf(db: Database, mark: LedgerMark, idNumbers: Iterable<string>): ReadPromise {
  return { mark, seen: personIdsOf(db, idNumbers) };
}

/** Why the commit may not write (in the clerk's words), or null when the promise holds. */
export function brokenPromise(db: Database, p: ReadPromise, now: Date, nameIn?: (idNumber: string) => string | undefined): string | null {
  const years = yearsKnownSince(db, p.mark, now);
  if (years) return years;
  const stale = staleSince(db, p.mark, p.seen);
  return stale.length ? staleMessage(db, p.mark, stale, now, nameIn) : null;
}

/**
 * A year that became known, or stopped being known, since the dry run: every wait it worked out
 * on that year may be another now (docs/rules.md "Which files make a year known").
 */
function yearsKnownSince(db: Database, mark: LedgerMark, now: Date): string | null {
  const { added, withdrawn } = knownWaysSince(db, mark);
  if (!added.length && !withdrawn.length) return null;
  const shown = displayNames(db);
  const today = chinaDate(now);
  const lines = [
    ...added.map((w) =>
      w.batch
        ? `· ${shown(w.by)}在 ${when(w.at, today)} 确认第 ${w.batch.id} 批导入（${w.batch.fileName}）为 ${w.year} 年度全部参保名单`
        : `· ${shown(w.by)}在 ${when(w.at, today)} 标记 ${w.year} 年度参保记录齐全`,
    ),
    ...withdrawn.map((w) => `· ${shown(w.withdrawn!.by)}在 ${when(w.withdrawn!.at, today)} 撤回了 ${w.year} 年度${w.batch ? '的全部名单' : '记录齐全的标记'}`),
  ];
  return [
    '试导入之后，往年参保情况有了变化，断保年数和待遇等待期可能已不同，这次没有写入，台账没有改动：',
    ...lines.slice(0, 3),
    '请重新试导入（按现在的台账重新核对）后再确认导入。',
  ].join('\n');
}

/** Names as the clerk reads them inside a sentence: （未设用户） loses its brackets there. */
const displayNames = (db: Database) => {
  const shown = namesOf(db);
  return (login: string) => shown(login).replace(/^（(.*)）$/, '$1');
};

/** China's wall clock: 11:02 today, 12-05 11:02 another day. */
function when(at: string, today: string): string {
  const local = new Date(Date.parse(at) + 8 * 3600_000).toISOString();
  return local.slice(0, 10) === today ? local.slice(11, 16) : `${local.slice(5, 10)} ${local.slice(11, 16)}`;
}

/** The person's fields a clerk reads, and how each value reads. */
const FIELD_WORDS: Record<string, [word: string, shown?: Record<string, string>]> = {
  name: ['姓名'],
  phone: ['联系电话'],
  relation: ['与户主关系'],
  householdNumber: ['户号'],
  villageName: ['村（社区）'],
  status: ['状态', { active: '正常', ...OUT_OF_SCOPE }],
  residence: ['户籍类别', RESIDENCES],
  student: ['在校情况', STUDENT_KINDS],
  employeeInsured: ['职工医保', { true: '是', false: '否' }],
  outOfCounty: ['县外参保', { null: '无', ...OUT_OF_COUNTY }],
};

function edited(e: AuditRow): string {
  const b = e.before ?? {};
  const a = e.after ?? {};
  const parts = Object.entries(FIELD_WORDS)
    .filter(([k]) => k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map(([k, [word, shown]]) => `${word}改为“${shown?.[String(a[k])] ?? (String(a[k] ?? '') || '（空）')}”`);
  return parts.length ? parts.join('、') : '资料有改动';
}

/** A change known to be of this person (their row, an enrollment or a certification of theirs), as a clause. */
function clause(e: AuditRow, by: string): string {
  if (e.action === 'roster.addPerson') return `已由${by}登记到台账`;
  if (e.action === 'roster.movePerson') return `已由${by}迁到 ${String(e.after?.villageName ?? '')} 户${String(e.after?.householdNumber ?? '')}`;
  if (e.entity === 'person') return `${edited(e)}（${by.trim()}）`;
  if (e.action === 'enroll.person') return `已由${by}登记 ${String(e.after?.coverageYear)} 年度参保（收据号 ${String(e.after?.receiptNo)}）`;
  if (e.action === 'enroll.void') return `参保记录已由${by}作废${e.after?.receiptNo ? `（收据号 ${String(e.after.receiptNo)}）` : ''}`;
  if (e.entity === 'enrollment') return `参保记录已由${by}改动`;
  if (e.entity === 'refund') return `已由${by}退费`;
  if (e.action === 'categories.certify') return `已由${by}认定资助身份`;
  if (e.entity === 'person_category') return `资助身份已由${by}改动`;
  return `资料已由${by}改动`;
}

/**
 * A row whose ID number came or went since the mark: the undo or import that did it, or the
 * desk's entry of the person. (A person who stayed is told by describeSince, from the log.)
 */
function cameOrWent(db: Database, row: StaleRow, since: AuditRow[], shown: (login: string) => string, today: string): string {
  const by = (e: AuditRow) => `${shown(e.actor)}在 ${when(e.at, today)} `;
  const batchName = (id: number) => batchFileName(db, id) ?? '';
  for (const e of since) {
    const about = Number(e.entityId);
    if (e.action === 'import.undo' && row.was !== null && batchTouches(db, about, row.was))
      return `另一个窗口在 ${when(e.at, today)} 撤销了第 ${about} 批导入（${batchName(about)}），此人${row.now === null ? '已不在台账' : '已是另一条记录'}`;
    if (e.action === 'import.commit' && row.now !== null && batchTouches(db, about, row.now))
      return `${by(e)}导入的第 ${about} 批（${batchName(about)}）登记了此人`;
    if (e.action === 'roster.addPerson' && about === row.now) return clause(e, by(e));
  }
  return row.now === null ? '已不在台账' : '已登记到台账';
}

/** A line per person (the first three): who they are and their newest change since the mark. */
export function changeLines(
  db: Database,
  mark: LedgerMark,
  stale: StaleRow[],
  now: Date,
  nameIn?: (idNumber: string) => string | undefined,
  standingOnly = false,
): string[] {
  const since = stale.some((r) => r.now !== r.was) ? auditSince(db, mark) : [];
  const shown = displayNames(db);
  const today = chinaDate(now);
  const lines = stale.slice(0, 3).map((r) => {
    const name = ((r.now ?? r.was) !== null ? personName(db, (r.now ?? r.was)!) : undefined) ?? r.name ?? nameIn?.(r.idNumber) ?? '';
    const what = r.now !== null && r.now === r.was ? describeSince(db, r.now, mark.seq, now, standingOnly) : cameOrWent(db, r, since, shown, today);
    return `· ${name}（身份证号 ${r.idNumber.slice(0, 6)}…${r.idNumber.slice(-4)}）${what}`;
  });
  return stale.length > 3 ? [...lines, `…… 等 ${stale.length} 人。`] : lines;
}

export function staleMessage(db: Database, mark: LedgerMark, stale: StaleRow[], now: Date, nameIn?: (idNumber: string) => string | undefined): string {
  return [
    // The roster's check stops at its limit (STALE_LIMIT rows): past it the count is a floor.
    `试导入之后，文件中有${stale.length >= STALE_LIMIT ? '至少 ' : ' '}${stale.length} 人在台账里又有了改动，为免把缴费或资料记到别人名下，这次没有写入，台账没有改动：`,
    ...changeLines(db, mark, stale, now, nameIn),
    '请重新试导入（按现在的台账重新核对）后再确认导入。',
  ].join('\n');
}

/**
 * A person's newest change past `since` (their version as a screen showed it), as a clause:
 * from the log of stamps, the batch that made it, or else the desk's newest audit entry of theirs.
 */
export function describeSince(db: Database, personId: number, since: number, now: Date, standingOnly = false): string {
  const today = chinaDate(now);
  // For an undo, only what still stands: a batch undone since is no reason.
  const last = lastChangeSince(db, personId, since, standingOnly);
  // No change logged past what was shown: the version came from a ledger a restore replaced.
  if (!last) return '资料在您打开之后有改动（台账可能已从备份恢复）';
  if (last?.batch != null) {
    const b = batchDoneBy(db, last.batch)!;
    const shown = displayNames(db);
    return b.undoneAt
      ? `${shown(b.undoneBy ?? '')}在 ${when(b.undoneAt, today)} 撤销了第 ${b.id} 批导入（${b.fileName}），改动了此人的记录`
      : `${shown(b.actor)}在 ${when(b.at, today)} 导入的第 ${b.id} 批（${b.fileName}）改动了此人的记录`;
  }
  const entry = lastEntryOf(db, personId);
  if (!entry) return '资料在您打开之后有改动';
  return clause(entry, `${displayNames(db)(entry.actor)}在 ${when(entry.at, today)} `);
}
