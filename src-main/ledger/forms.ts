// The county's attachments filled from the ledger: the same form for the xlsx and the print.
import type { Database } from 'better-sqlite3';
import type { OutOfCounty } from '../domain/codes';
import { fujian1, fujian2, fujian3, fujian4, fujian5, guidanceTargets, type Place } from '../domain/forms/attachments';
import type { Form, FormKind } from '../domain/forms/form';
import type { Policy } from '../domain/policy/schema';
import { subsidyTable } from '../domain/policy/table';
import { getOffice, listVillages } from './office';
import { enrolledByVillage, fujian5 as fujian5Counts, targets } from './reports';
import { sql } from './statements';

export function attachmentForm(db: Database, kind: FormKind, a: { coverageYear: number; policy: Policy | undefined; villageId?: number | undefined }): Form {
  const office = getOffice(db);
  const place: Place = { county: office.county, township: office.townshipName, coverageYear: a.coverageYear };
  const villages = listVillages(db, false);
  switch (kind) {
    case 'fujian1': {
      if (!a.policy) throw new Error('还没有选择本年度适用的政策。');
      const t = subsidyTable(a.policy);
      return fujian1(a.policy.table?.title ?? `${place.township}${a.coverageYear}年度城乡居民基本医疗保险筹资对照表`, t.rows);
    }
    case 'fujian2': {
      const tg = targets(db, a.coverageYear);
      const rows = villages.map((v) => ({ name: v.name, target: tg.get(v.id) ?? 0 }));
      // A region whose notice gives its own task table (瑞州) gets that table.
      return a.policy?.targetsForm?.layout === 'guidance' ? guidanceTargets(place, rows) : fujian2(place, rows);
    }
    case 'fujian3': {
      const tg = targets(db, a.coverageYear);
      const en = enrolledByVillage(db, a.coverageYear);
      return fujian3(
        place,
        villages.map((v) => ({ name: v.name, target: tg.get(v.id) ?? 0, enrolled: en.get(v.id) ?? 0 })),
      );
    }
    case 'fujian4': {
      const persons = sql(
        db,
        `SELECT v.name AS village, p.name, p.id_number AS idNumber, p.phone, p.out_of_county AS kind, p.out_of_county_place AS place
         FROM persons p JOIN villages v ON v.id = p.village_id
         WHERE p.out_of_county IS NOT NULL AND p.status = 'active' ${a.villageId ? 'AND p.village_id = ?' : ''} ORDER BY v.code, p.name`,
      ).all(...(a.villageId ? [a.villageId] : [])) as { village: string; name: string; idNumber: string; phone: string; kind: OutOfCounty; place: string }[];
      return fujian4(place, persons);
    }
    case 'fujian5':
      return fujian5(
        place,
        fujian5Counts(db).map((r) => ({ ...r, name: r.villageName })),
      );
  }
}
