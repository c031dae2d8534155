// How a clerk reads a policy: by its place and its document, never by its file id; and
// whether it is the office's own (its township's, or its county's, which binds every township
// in the county) or another place's.

/** What naming a policy needs: no more, so a summary can be named as well as a whole policy. */
export interface Named {
  region: string;
  coverageYear: number;
  sources: readonly { number: string }[];
}

/** 重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号） */
export function policyName(p: Named): string {
  const doc = p.sources[0]?.number;
  return `${p.region} ${p.coverageYear} 年度${doc ? `（${doc}）` : ''}`;
}

/**
 * township: the notice of the office's own 乡镇/街道; county: its county's notice; other: another
 * place's; unknown: the office has not said where it is (设置 → 本所信息).
 */
export type RegionFit = 'township' | 'county' | 'other' | 'unknown';

export interface OfficePlace {
  county: string;
  townshipName: string;
}

const COUNTY_SUFFIX = /(?:自治县|自治旗|县|旗|区|市)$/;

/**
 * The county's name without its level: a clerk types 酉阳县 where the notice says
 * 酉阳土家族苗族自治县, so only the part before the level and any 民族/自治 words is compared.
 */
const countyStem = (county: string) => county.trim().replace(COUNTY_SUFFIX, '');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A region that ends at the office's county (not at one of its townships), after its province or city. */
function isCountyRegion(region: string, county: string): boolean {
  const stem = countyStem(county);
  if (!stem) return false;
  // Between the stem and the level only 民族 and 自治 (土家族苗族自治): 酉阳新县 is another county.
  return new RegExp(`(?:^|[省市州盟])${escape(stem)}(?:[^省市州盟县区旗乡镇道族]{1,4}族)*(?:自治)?(?:县|旗|区|市)$`).test(region);
}

export function regionFit(region: string, office: OfficePlace): RegionFit {
  const township = office.townshipName.trim();
  const county = office.county.trim();
  if (!township && !county) return 'unknown';
  const inCounty = !county || !countyStem(county) || region.includes(countyStem(county));
  if (township && region.includes(township) && inCounty) return 'township';
  if (county && isCountyRegion(region, county)) return 'county';
  return 'other';
}

/** 酉阳县花田乡, as the office set itself up ('' until it did). */
export const officePlace = (o: OfficePlace) => `${o.county.trim()}${o.townshipName.trim()}`;
