import { percent } from '../../format';
import type { VillageProgress } from '../../../src-main/api/contract';

/** One bar per village, the furthest behind first, so the office head sees who to call. */
export function VillageBars({ rows }: { rows: VillageProgress[] }) {
  const sorted = [...rows].sort((a, b) => (a.rateBp ?? -1) - (b.rateBp ?? -1) || a.villageName.localeCompare(b.villageName, 'zh'));
  return (
    <div role="list" aria-label="各村参保进度" className="village-bars">
      {sorted.map((r) => {
        const pct = r.rateBp === null ? 0 : Math.min(100, r.rateBp / 100);
        const color = r.rateBp === null ? '#d9d9d9' : r.rateBp >= 9000 ? '#52c41a' : r.rateBp >= 6000 ? '#1677ff' : '#ff4d4f';
        return (
          <div role="listitem" key={r.villageId} className="village-bar">
            <span className="name">{r.villageName}</span>
            <span className="track">
              <span className="fill" style={{ width: `${pct}%`, background: color }} />
            </span>
            <span className="figure">
              {r.enrolled} / {r.target || '—'}
              {r.rateBp !== null && `（${percent(r.rateBp)}）`}
            </span>
          </div>
        );
      })}
    </div>
  );
}
