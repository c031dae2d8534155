import { z } from 'zod';
import { asSeen, seen } from './seen';
import { chinaDate } from '../domain/dates';
import { parseIdNumber } from '../domain/idnumber';
import { getVillage } from '../ledger/office';
import * as repo from '../ledger/roster';
import { countPersons, searchPersons } from '../ledger/search';
import { listForPerson, refundsForPerson } from '../ledger/enrollments';
import { personChanges } from '../ledger/history';
import { displayNames } from '../ledger/users';
import { yearRow } from '../enrollment/history';
import { refundDue } from '../enrollment/refund';
import { latestPolicy, workingCoverageYear } from '../enrollment/policy';
import { recordElsewhere } from '../ledger/insurance-years';
import { describeChange } from '../domain/history';
import type { Household, IdCheck, Person, PersonDetail, PersonMatches, VillageBook } from './contract';
import { coverageYear, idOf, isoDate, outOfCounty, personName, phone, relation, residence, student, text } from './fields';
import type { Context } from './handler';
import { Refusal, audit, reads, writes } from './handler';

const today = (ctx: Context) => chinaDate(ctx.now());

export function mustGetPerson(ctx: Context, id: number): Person {
  const p = repo.getPerson(ctx.db, id);
  if (!p) throw new Refusal('not_found', '找不到这个人员，可能编号有误。');
  return p;
}

function mustGetHousehold(ctx: Context, id: number): Household {
  const h = repo.getHousehold(ctx.db, id);
  if (!h) throw new Refusal('not_found', '找不到这个户，可能编号有误。');
  return h;
}

function activeVillage(ctx: Context, id: number) {
  const v = getVillage(ctx.db, id);
  if (!v) throw new Refusal('not_found', '找不到这个村/社区。');
  if (v.retiredOn) throw new Refusal('conflict', `「${v.name}」已于 ${v.retiredOn} 停用，不能再登记。`);
  return v;
}

/** Checks an ID number and refuses a duplicate, naming who already holds it. */
export function checkNewIdNumber(ctx: Context, raw: string) {
  const id = parseIdNumber(raw, today(ctx));
  if (!id.ok) throw new Refusal('invalid_input', id.message, 'idNumber');
  const existing = repo.findPersonByIdNumber(ctx.db, id.value.id);
  if (existing) {
    throw new Refusal(
      'conflict',
      `身份证号 ${id.value.id} 已登记为「${existing.name}」（${existing.villageName} 户号 ${existing.householdNumber}），不能重复登记。`,
      'idNumber',
    );
  }
  return id.value;
}

const householdNumber = z.string({ error: '请填写户号。' }).trim().min(1, '请填写户号。').max(30, '户号不能超过 30 个字符。');

const searchInput = z.object({ q: z.string().max(40, '搜索内容太长。'), limit: z.number().int().min(1).max(200).optional() });

/** Past this many matches the 花名册 says 「超过 1000 人」 rather than counting on. */
const FIND_COUNT_CAP = 1000;

const statusCode = z.enum(['active', 'empty_registration', 'deceased', 'abroad'], { error: '人员状态不在可选范围内。' });

export const rosterHandlers = {
  'roster.addHousehold': writes(
    'clerk',
    z.object({
      villageId: idOf('村/社区'),
      number: householdNumber,
      address: text('address').optional(),
    }),
    (ctx, arg) => {
      const v = activeVillage(ctx, arg.villageId);
      if (repo.findHousehold(ctx.db, v.id, arg.number)) throw new Refusal('conflict', `${v.name}已有户号 ${arg.number}。`, 'number');
      const id = repo.insertHousehold(ctx.db, v.id, arg.number, arg.address ?? '', ctx.now().toISOString());
      const h = repo.getHousehold(ctx.db, id)!;
      audit(ctx, { action: 'roster.addHousehold', entity: 'household', entityId: id, after: h });
      return h;
    },
  ),

  'roster.updateHousehold': writes(
    'clerk',
    z.object({ id: idOf('户'), address: text('address').optional(), headPersonId: idOf('户主').nullable().optional() }),
    (ctx, arg) => {
      const before = mustGetHousehold(ctx, arg.id);
      if (arg.headPersonId) {
        const head = mustGetPerson(ctx, arg.headPersonId);
        if (head.householdId !== arg.id) throw new Refusal('invalid_input', `「${head.name}」不是这一户的成员，不能设为户主。`, 'headPersonId');
      }
      repo.updateHousehold(ctx.db, arg.id, arg.address, arg.headPersonId);
      const after = repo.getHousehold(ctx.db, arg.id)!;
      audit(ctx, { action: 'roster.updateHousehold', entity: 'household', entityId: arg.id, before, after });
      return after;
    },
  ),

  'roster.listHouseholds': reads('clerk', z.object({ villageId: idOf('村/社区') }), (ctx, arg) => repo.listHouseholds(ctx.db, arg.villageId)),

  'roster.getHousehold': reads('clerk', z.object({ id: idOf('户') }), (ctx, arg) => ({
    household: mustGetHousehold(ctx, arg.id),
    members: repo.householdMembers(ctx.db, arg.id),
  })),

  // Asked as the clerk types: says what is wrong, or what the number tells and who has it.
  'roster.checkId': reads('clerk', z.object({ idNumber: z.string().max(40) }), (ctx, arg): IdCheck => {
    const id = parseIdNumber(arg.idNumber, today(ctx));
    if (!id.ok) return { valid: false, message: id.message, idNumber: null, birthDate: null, sex: null, existing: null };
    const existing = repo.findPersonByIdNumber(ctx.db, id.value.id);
    return {
      valid: true,
      message: id.value.upgradedFrom15 ? `已由 15 位号码升为 18 位：${id.value.id}` : null,
      idNumber: id.value.id,
      birthDate: id.value.birthDate,
      sex: id.value.sex,
      existing: existing ? { id: existing.id, name: existing.name, villageName: existing.villageName, householdNumber: existing.householdNumber } : null,
    };
  }),

  'roster.addPerson': writes(
    'clerk',
    z.object({
      idNumber: z.string({ error: '请填写身份证号（按文字填写，不要存成数字）。' }),
      name: personName,
      phone: phone.optional(),
      householdId: idOf('户'),
      relation: relation.optional(),
      residence: residence.optional(),
      student: student.optional(),
    }),
    (ctx, arg) => {
      const id = checkNewIdNumber(ctx, arg.idNumber);
      const h = mustGetHousehold(ctx, arg.householdId);
      activeVillage(ctx, h.villageId);
      const personId = repo.addPersonRow(
        ctx.db,
        {
          idNumber: id.id,
          name: arg.name,
          sex: id.sex,
          birthDate: id.birthDate,
          phone: arg.phone ?? '',
          householdId: h.id,
          villageId: h.villageId,
          relation: arg.relation ?? '',
          residence: arg.residence ?? 'local_hukou',
          student: arg.student ?? 'none',
        },
        ctx.now().toISOString(),
      );
      if (arg.relation === '户主' && h.headPersonId === null) repo.updateHousehold(ctx.db, h.id, undefined, personId);
      const p = repo.getPerson(ctx.db, personId)!;
      audit(ctx, { action: 'roster.addPerson', entity: 'person', entityId: personId, after: p });
      return p;
    },
  ),

  'roster.updatePerson': writes(
    'clerk',
    z.object({
      id: idOf('人员'),
      name: personName.optional(),
      phone: phone.optional(),
      relation: relation.optional(),
      residence: residence.optional(),
      student: student.optional(),
      seen,
    }),
    (ctx, arg) => {
      const before = mustGetPerson(ctx, arg.id);
      asSeen(ctx, before, arg.seen);
      if (arg.name !== undefined && arg.name !== before.name) repo.renamePerson(ctx.db, arg.id, arg.name);
      repo.patchPerson(ctx.db, arg.id, arg, ctx.now().toISOString());
      const after = repo.getPerson(ctx.db, arg.id)!;
      audit(ctx, { action: 'roster.updatePerson', entity: 'person', entityId: arg.id, before, after });
      return after;
    },
  ),

  // Into another household, or into a new one made in the same change (分户), so nothing is left half done.
  'roster.movePerson': writes(
    'clerk',
    z
      .object({
        id: idOf('人员'),
        householdId: idOf('户').optional(),
        newHousehold: z.object({ villageId: idOf('村/社区'), number: householdNumber }).optional(),
        relation: relation.optional(),
        seen,
      })
      .refine((a) => (a.householdId === undefined) !== (a.newHousehold === undefined), { message: '请选择要迁入的户，或填写新立户的户号。' }),
    (ctx, arg) => {
      const before = mustGetPerson(ctx, arg.id);
      asSeen(ctx, before, arg.seen);
      let h: Household;
      if (arg.newHousehold) {
        const v = activeVillage(ctx, arg.newHousehold.villageId);
        const existing = repo.findHousehold(ctx.db, v.id, arg.newHousehold.number);
        if (existing) throw new Refusal('conflict', `${v.name}已有户号 ${arg.newHousehold.number}，请直接选择迁入该户。`, 'number');
        const id = repo.insertHousehold(ctx.db, v.id, arg.newHousehold.number, '', ctx.now().toISOString());
        h = repo.getHousehold(ctx.db, id)!;
        audit(ctx, { action: 'roster.addHousehold', entity: 'household', entityId: id, after: h });
      } else {
        h = mustGetHousehold(ctx, arg.householdId!);
        activeVillage(ctx, h.villageId);
      }
      if (before.householdId === h.id) throw new Refusal('conflict', `「${before.name}」已在这一户。`);
      repo.movePerson(ctx.db, arg.id, h.id, h.villageId, arg.relation ?? '', ctx.now().toISOString());
      // The head who leaves is no longer the old household's head; one who founds a household is its head.
      const old = repo.getHousehold(ctx.db, before.householdId);
      if (old?.headPersonId === arg.id) repo.updateHousehold(ctx.db, old.id, undefined, null);
      if (arg.relation === '户主' && h.headPersonId === null) repo.updateHousehold(ctx.db, h.id, undefined, arg.id);
      const after = repo.getPerson(ctx.db, arg.id)!;
      audit(ctx, { action: 'roster.movePerson', entity: 'person', entityId: arg.id, before, after });
      return after;
    },
  ),

  'roster.setStatus': writes('clerk', z.object({ id: idOf('人员'), status: statusCode, on: isoDate('日期').optional(), seen }), (ctx, arg) => {
    const before = mustGetPerson(ctx, arg.id);
    asSeen(ctx, before, arg.seen);
    const on = arg.status === 'active' ? null : (arg.on ?? today(ctx));
    if (on && on > today(ctx)) throw new Refusal('invalid_input', '日期不能晚于今天。', 'on');
    if (on && on < before.birthDate) throw new Refusal('invalid_input', '日期不能早于出生日期。', 'on');
    repo.setStatus(ctx.db, arg.id, arg.status, on, ctx.now().toISOString());
    const after = repo.getPerson(ctx.db, arg.id)!;
    audit(ctx, { action: 'roster.setStatus', entity: 'person', entityId: arg.id, before, after });
    return after;
  }),

  'roster.setInsurance': writes(
    'clerk',
    z.object({
      id: idOf('人员'),
      employeeInsured: z.boolean().optional(),
      outOfCounty: outOfCounty.nullable().optional(),
      place: z.string().trim().max(60, '现参保地不能超过 60 个字。').optional(),
      /** The year the fact is true of (the working year when not given): a lapse is counted per year. */
      coverageYear: coverageYear.optional(),
      seen,
    }),
    (ctx, arg) => {
      const before = mustGetPerson(ctx, arg.id);
      asSeen(ctx, before, arg.seen);
      const outside = arg.outOfCounty === undefined ? before.outOfCounty : arg.outOfCounty;
      const place = outside === null ? '' : (arg.place ?? before.outOfCountyPlace);
      const employeeInsured = arg.employeeInsured ?? before.employeeInsured;
      const at = ctx.now().toISOString();
      const working = workingCoverageYear(ctx);
      const year = arg.coverageYear ?? working;
      // A year gone by is history only: where the person is insured now stays as it is.
      if (year === null || working === null || year >= working) repo.setInsurance(ctx.db, arg.id, employeeInsured, outside, place, at);
      if (year !== null) recordElsewhere(ctx.db, arg.id, year, { employeeInsured, outOfCounty: outside }, at);
      const after = repo.getPerson(ctx.db, arg.id)!;
      audit(ctx, { action: 'roster.setInsurance', entity: 'person', entityId: arg.id, before, after: { ...after, coverageYear: year } });
      return after;
    },
  ),

  'roster.getPerson': reads('clerk', z.object({ id: idOf('人员') }), (ctx, arg): PersonDetail => {
    const enrollments = listForPerson(ctx.db, arg.id);
    const refunds = refundsForPerson(ctx.db, arg.id);
    // 退费 is offered only where the refund would go through: the same reckoning as the refund's own.
    const refundable = enrollments.filter((e) => refundDue(ctx, e).ok).map((e) => e.id);
    const who = displayNames(ctx.db);
    const person = mustGetPerson(ctx, arg.id);
    return {
      person,
      categories: repo.personCategories(ctx.db, arg.id),
      enrollments,
      refunds,
      refundable,
      history: personChanges(ctx.db, arg.id).map((c) => ({ ...describeChange(c), actor: who(c.actor) })),
      insuranceYears: repo.insuranceYears(ctx.db, arg.id),
      yearRow: yearRow(ctx, person, latestPolicy(ctx)?.coverageYear ?? Number(chinaDate(ctx.now()).slice(0, 4))),
    };
  }),

  'roster.villageBook': reads('clerk', z.object({ villageId: idOf('村/社区'), coverageYear: coverageYear.optional() }), (ctx, arg): VillageBook => {
    const v = getVillage(ctx.db, arg.villageId);
    if (!v) throw new Refusal('not_found', '找不到这个村/社区。');
    return { villageId: v.id, villageName: v.name, households: repo.villageBook(ctx.db, v.id, arg.coverageYear ?? null) };
  }),

  'roster.search': reads('clerk', searchInput, (ctx, arg) => searchPersons(ctx.db, arg.q, arg.limit ?? 50)),

  'roster.find': reads('clerk', searchInput, (ctx, arg): PersonMatches => {
    const limit = arg.limit ?? 20;
    const persons = searchPersons(ctx.db, arg.q, limit);
    // Fewer than asked for is all there is; a full list is counted, up to a thousand.
    const { count, more } = persons.length < limit ? { count: persons.length, more: false } : countPersons(ctx.db, arg.q, FIND_COUNT_CAP);
    return { persons, total: Math.max(count, persons.length), totalMore: more };
  }),
};
