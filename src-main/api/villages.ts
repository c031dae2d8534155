// The office's villages (村/社区): added, renamed, retired and restored, never deleted.
import { z } from 'zod';
import { chinaDate } from '../domain/dates';
import * as repo from '../ledger/office';
import type { Context } from './handler';
import { Refusal, audit, reads, writes } from './handler';
import type { Village } from './contract';
import { placeName } from './office';

const villageName = placeName('村/社区名称', 30).pipe(z.string().min(1, '请填写村/社区名称。'));

const villageCode = z
  .string({ error: '请填写村/社区代码。' })
  .trim()
  .min(1, '请填写村/社区代码。')
  .regex(/^[0-9A-Za-z]{1,12}$/, '村/社区代码只能是 1 到 12 位数字或字母（如统计用区划代码的后几位）。');

const villageId = z.number({ error: '缺少村/社区编号。' }).int().positive('村/社区编号无效。');

function mustGetVillage(ctx: Context, id: number): Village {
  const v = repo.getVillage(ctx.db, id);
  if (!v) throw new Refusal('not_found', '找不到这个村/社区，可能已被其他人删除或编号有误。');
  return v;
}

function refuseDuplicateName(ctx: Context, name: string, exceptId?: number): void {
  const other = repo.findActiveVillageByName(ctx.db, name);
  if (other && other.id !== exceptId) {
    throw new Refusal('conflict', `已有名为「${name}」的村/社区（代码 ${other.code}），不能重名。`, 'name');
  }
}

function audited(ctx: Context, action: string, before: Village): Village {
  const after = mustGetVillage(ctx, before.id);
  audit(ctx, { action, entity: 'village', entityId: before.id, before, after });
  return after;
}

export const villageHandlers = {
  'villages.list': reads('clerk', z.object({ includeRetired: z.boolean().optional() }), (ctx, arg) => repo.listVillages(ctx.db, arg.includeRetired ?? false)),

  'villages.add': writes('admin', z.object({ code: villageCode, name: villageName }), (ctx, arg) => {
    const sameCode = repo.findVillageByCode(ctx.db, arg.code);
    if (sameCode) {
      const state = sameCode.retiredOn ? `（已于 ${sameCode.retiredOn} 停用）` : '';
      throw new Refusal('conflict', `代码 ${arg.code} 已被「${sameCode.name}」${state}使用，请换一个代码。`, 'code');
    }
    refuseDuplicateName(ctx, arg.name);
    const v = repo.insertVillage(ctx.db, arg.code, arg.name, chinaDate(ctx.now()));
    audit(ctx, { action: 'villages.add', entity: 'village', entityId: v.id, after: v });
    return v;
  }),

  'villages.rename': writes('admin', z.object({ id: villageId, name: villageName }), (ctx, arg) => {
    const before = mustGetVillage(ctx, arg.id);
    refuseDuplicateName(ctx, arg.name, arg.id);
    repo.setVillageName(ctx.db, arg.id, arg.name);
    return audited(ctx, 'villages.rename', before);
  }),

  'villages.setUnitCode': writes(
    'admin',
    z.object({
      id: villageId,
      unitCode: z
        .string()
        .trim()
        .max(30, { error: '单位编号最多 30 个字符。' })
        .regex(/^[0-9A-Za-z-]*$/, { error: '单位编号只能是数字、字母和短横线。' }),
    }),
    (ctx, arg) => {
      const before = mustGetVillage(ctx, arg.id);
      repo.setVillageUnitCode(ctx.db, arg.id, arg.unitCode);
      return audited(ctx, 'villages.setUnitCode', before);
    },
  ),

  'villages.retire': writes('admin', z.object({ id: villageId }), (ctx, arg) => {
    const v = mustGetVillage(ctx, arg.id);
    if (v.retiredOn) throw new Refusal('conflict', `「${v.name}」已于 ${v.retiredOn} 停用。`);
    repo.setVillageRetired(ctx.db, arg.id, chinaDate(ctx.now()));
    return audited(ctx, 'villages.retire', v);
  }),

  'villages.restore': writes('admin', z.object({ id: villageId }), (ctx, arg) => {
    const v = mustGetVillage(ctx, arg.id);
    if (!v.retiredOn) throw new Refusal('conflict', `「${v.name}」正在使用中，无需恢复。`);
    refuseDuplicateName(ctx, v.name, v.id);
    repo.setVillageRetired(ctx.db, arg.id, null);
    return audited(ctx, 'villages.restore', v);
  }),
};
