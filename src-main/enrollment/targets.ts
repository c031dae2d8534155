// A village's target set by the clerk, taken from the county's sheet or carried into a new
// season: each change audited, an unchanged one not.
import { putVillageTarget, villageTarget } from '../ledger/targets';
import { audit, type Context } from '../service/context';

export function setTarget(ctx: Context, year: number, villageId: number, target: number): void {
  const before = villageTarget(ctx.db, villageId, year);
  if (before === target) return;
  putVillageTarget(ctx.db, villageId, year, target);
  audit(ctx, { action: 'targets.set', entity: 'village_target', entityId: `${villageId}/${year}`, before, after: target });
}
