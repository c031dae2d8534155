// Issue 25: a county's notice binds every township in the county; a township's binds only it.
import { describe, expect, it } from 'vitest';
import { policyName, regionFit } from '../../../src-main/domain/policy/place';

const HUATIAN = { county: '酉阳县', townshipName: '花田乡' };
const YOUYANG = '重庆市酉阳土家族苗族自治县';

describe('regionFit', () => {
  it.each([
    ['the county’s notice, for a township typed with the short county name', YOUYANG, HUATIAN, 'county'],
    ['the county’s notice, the county typed in full', YOUYANG, { county: '酉阳土家族苗族自治县', townshipName: '花田乡' }, 'county'],
    ['the county’s notice, no county typed', YOUYANG, { county: '', townshipName: '花田乡' }, 'other'],
    ['the township’s own notice', `${YOUYANG}花田乡`, HUATIAN, 'township'],
    ['another township’s notice in the same county', `${YOUYANG}龙潭镇`, HUATIAN, 'other'],
    ['another county’s township', '重庆市云阳县农坝镇', HUATIAN, 'other'],
    ['another county’s township, seen from 栗子乡', '重庆市云阳县农坝镇', { county: '丰都县', townshipName: '栗子乡' }, 'other'],
    ['农坝 for 农坝', '重庆市云阳县农坝镇', { county: '云阳县', townshipName: '农坝镇' }, 'township'],
    ['a township of the same name in another county', '重庆市云阳县农坝镇', { county: '丰都县', townshipName: '农坝镇' }, 'other'],
    ['the municipality', '重庆市', HUATIAN, 'other'],
    ['a county-level city’s 街道', '江西省高安市瑞州街道', { county: '高安市', townshipName: '瑞州街道' }, 'township'],
    ['a county-level city’s own notice', '江西省高安市', { county: '高安市', townshipName: '瑞州街道' }, 'county'],
    ['a county whose name holds the stem', '重庆市酉阳新县', HUATIAN, 'other'],
    ['an office that has not said where it is', YOUYANG, { county: '', townshipName: '' }, 'unknown'],
  ])('%s', (_, region, office, fit) => {
    expect(regionFit(region, office)).toBe(fit);
  });
});

describe('policyName', () => {
  it('names the place, the year and the first document', () => {
    expect(policyName({ region: YOUYANG, coverageYear: 2025, sources: [{ number: '酉阳医保发〔2024〕37号' }, { number: '渝医保发〔2024〕32号' }] })).toBe(
      '重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号）',
    );
  });
});
