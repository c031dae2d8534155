// The desk is held to the dry run's rule: a change states the version of the person it was
// decided on (`seen`, Person.version as the screen showed it), and one made on an older reading
// is refused with what changed since. Nothing is last-writer-wins.
import { z } from 'zod';
import { describeSince } from '../imports/dry-run-promise';
import type { Person } from '../types/roster';
import { Refusal, type Context } from './handler';

/** What a screen sends with a change: the person's version it showed. */
export const seen = z.number({ error: '缺少所显示资料的版本号。' }).int().min(0).optional();

/** Refuses when the person changed after the screen read them (a caller that states nothing is not checked). */
export function asSeen(ctx: Context, p: Person, version: number | undefined): void {
  if (version === undefined || version === p.version) return;
  throw new Refusal(
    'conflict',
    `「${p.name}」的资料在您打开之后已有改动：${describeSince(ctx.db, p.id, version, ctx.now())}。这次没有保存，请看过最新的资料后再操作。`,
    'seen',
  );
}

/** The household as the screen showed it: the same members, none changed since. */
export function asSeenHousehold(ctx: Context, members: Person[], shown: { personId: number; version: number }[]): void {
  const version = new Map(shown.map((s) => [s.personId, s.version]));
  const came = members.find((m) => !version.has(m.id));
  if (came) throw new Refusal('conflict', `这一户在您打开之后新登记了「${came.name}」。这次没有保存，请看过最新的户成员后再操作。`, 'seen');
  if (version.size > members.length) throw new Refusal('conflict', '这一户在您打开之后有成员迁出或被撤销。这次没有保存，请看过最新的户成员后再操作。', 'seen');
  for (const m of members) asSeen(ctx, m, version.get(m.id));
}
