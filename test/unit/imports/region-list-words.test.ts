// A region's own words on a department list (docs/rules.md "瑞州's fully funded groups (六类对象)"):
// 瑞州 files a 退役军人 list's 残疾军人, of any grade, under its 六类对象, fully funded; an office in
// 重庆 does not.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeXlsx } from '../../helpers/files';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeEach(() => {
  t = openTestLedger('2023-11-10T02:00:00Z');
  dir = tempDir('canbao-words-');
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function veteransList(policyId: string) {
  const { persons } = await seedHousehold(
    t,
    [
      { name: '军人甲', birth: '1950-01-01' },
      { name: '军人乙', birth: '1951-01-01' },
      { name: '军人丙', birth: '1952-01-01' },
    ],
    { policyId },
  );
  const file = await writeXlsx(path.join(dir, '退役军人名单.xlsx'), {
    headers: ['序号', '姓名', '身份证号码', '优抚类别'],
    rows: [
      [1, '军人甲', persons[0]!.idNumber, '残疾军人'],
      [2, '军人乙', persons[1]!.idNumber, '七级残疾军人'],
      [3, '军人丙', persons[2]!.idNumber, '1-6级残疾军人'],
    ],
  });
  return { persons, p: await t.ok('import.preview', { kind: 'categories', file, options: { department: 'veterans', validFrom: '2023-11-01' } }) };
}

describe('残疾军人 on a 退役军人 list', () => {
  it('瑞州: every grade is filed under the 六类对象 (or 1-6级, which it holds), and each is fully funded', async () => {
    const { persons, p } = await veteransList('jx-gaoan-ruizhou-2024');
    expect(p.counts).toMatchObject({ certify: 3, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    for (const person of persons) {
      const q = await t.ok('enroll.quote', { personId: person.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-05' });
      expect(q).toMatchObject({ subsidyFen: 38000, personalFen: 0, zeroDeclaration: true, department: 'veterans' });
    }
    const codes = t.ctx.db.prepare('SELECT code FROM person_categories ORDER BY person_id').pluck().all();
    expect(codes).toEqual(['special_care_six', 'special_care_six', 'disabled_veteran_1_6']);
  });

  it('重庆 (农坝): 瑞州’s words are not this office’s; an ungraded 残疾军人 is shown to the clerk, not guessed', async () => {
    const { p } = await veteransList('cq-yunyang-nongba-2024');
    expect(p.counts).toMatchObject({ certify: 1, problems: 2 });
    expect(p.problems.map((x) => x.message).join()).toContain('残疾军人');
  });
});
