// Batch papers as they print (issue 28): household notices two to an A4 where they fit, only
// households with someone left to pay, members in 户口簿 order, 已参保 under the tier paid; three
// receipts to an A4 with the longest 资助类别, each whole inside its slot. Read back from the PDF
// word by word (pdftotext -bbox).
import { api, choose, expect, id, screenshot, test } from './fixtures';
import { printedSheets, wordsWith, type Sheet } from './pdf-words';

/** The batch page's margins (print.css @page batch): 12 mm top, 15 mm left and right; the cut line under the first half. */
const TOP = 12;
const SIDE = 15;
const CUT = TOP + 133.5;

/** No word crosses the line y, and every word is inside the sheet's printable box. */
function insideSlots(s: Sheet, cuts: number[], margin = { top: TOP - 0.5, side: SIDE - 0.6 }) {
  // The sheet's number stands in the foot's margin (第 1 张，共 3 张).
  for (const w of s.words.filter((x) => !/^第|^张|^共|^\d+$/.test(x.text) || x.y0 < s.heightMm - TOP)) {
    for (const y of cuts) expect(w.y0 < y && w.y1 > y, `「${w.text}」 crosses the cut line at ${y.toFixed(1)} mm`).toBe(false);
    expect(w.x0 >= margin.side && w.x1 <= s.widthMm - margin.side, `「${w.text}」 at x ${w.x0.toFixed(1)}–${w.x1.toFixed(1)} mm`).toBe(true);
    expect(w.y0 >= margin.top && w.y1 <= s.heightMm - 8, `「${w.text}」 at y ${w.y0.toFixed(1)} mm`).toBe(true);
  }
}

test('household notices: two to an A4 where both fit half, only those with someone to pay, members in 户口簿 order, 已参保 under the tier paid', async ({
  page,
  host,
  request,
}) => {
  test.setTimeout(120_000);
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  let n = 0;
  const person = async (householdId: number, name: string, relation: string, birth: string) =>
    call('roster.addPerson', { idNumber: id(`500235${birth}${String(100 + (n += 2)).padStart(3, '0')}`), name, householdId, relation });
  for (const no of ['1', '2', '3', '4']) {
    const h = await call('roster.addHousehold', { villageId: v.id, number: no });
    await person(h.id, `${no}号户主`, '户主', '19600101');
  }
  const paid = await call('roster.addHousehold', { villageId: v.id, number: '5' });
  const paidHead = await person(paid.id, '已缴户主', '户主', '19610101');
  await call('enroll.person', { personId: paidHead.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
  // Eight members entered out of order; the head holds the longest label of any policy.
  const big = await call('roster.addHousehold', { villageId: v.id, number: '6' });
  await person(big.id, '孙子', '孙子', '20150101');
  await person(big.id, '母亲', '母亲', '19400101');
  const head = await person(big.id, '余户主', '户主', '19650101');
  await person(big.id, '父亲', '父亲', '19380101');
  await person(big.id, '儿子', '子', '19920101');
  const spouse = await person(big.id, '余明', '配偶', '19660101');
  await person(big.id, '女儿', '女', '19900101');
  await person(big.id, '儿媳', '儿媳', '19930101');
  await call('categories.certify', { personId: head.id, code: 'priority_care', validFrom: '2023-01-01', source: '退役军人事务局名单' });
  await call('enroll.person', { personId: spouse.id, coverageYear: 2024, tier: 2, paidOn: '2023-11-01', channel: '现金' });
  call.seal();

  await page.clock.install({ time: new Date('2023-11-02T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '打印' }).click();
  await choose(page, '打印内容', '缴费通知单（整村或全乡镇批量）');
  await choose(page, '批量通知单的村（社区）', '幸福村');
  await choose(page, '每页户数', '每张 A4 两户（中间裁切线）');
  await expect(page.getByRole('checkbox', { name: '只打印还有人要缴费的户' })).toBeChecked();
  await page.getByRole('button', { name: '生成通知单' }).click();
  const batch = page.getByTestId('batch-notices');
  await expect(batch.getByTestId('household-notice')).toHaveCount(5);
  await expect(page.getByTestId('batch-skipped')).toHaveText('另有 1 户已无人需要缴费，未生成。');
  await expect(page.getByRole('button', { name: '打印 5 户（3 张）' })).toBeVisible();
  await screenshot(page, 'batch-two-per-sheet-1366');

  const sheets = await printedSheets(page, 'batch-two-per-sheet');
  // Four one-person households on two sheets, the eight-member one on its own.
  expect(sheets).toHaveLength(3);
  // The job's sheets numbered in its own run.
  expect(
    sheets.map((s) =>
      s.words
        .filter((w) => w.y0 > s.heightMm - TOP)
        .map((w) => w.text)
        .join(''),
    ),
  ).toEqual(['第1张，共3张', '第2张，共3张', '第3张，共3张']);
  for (const [i, s] of sheets.slice(0, 2).entries()) {
    const titles = wordsWith(s, '缴费通知单');
    expect(titles).toHaveLength(2);
    expect(titles[0]!.y1).toBeLessThan(CUT);
    expect(titles[1]!.y0).toBeGreaterThan(CUT);
    expect(wordsWith(s, `户号：${2 * i + 1}`)[0]!.y1).toBeLessThan(CUT);
    expect(wordsWith(s, `户号：${2 * i + 2}`)[0]!.y0).toBeGreaterThan(CUT);
    insideSlots(s, [CUT]);
  }
  const six = sheets[2]!;
  insideSlots(six, []);
  expect(wordsWith(six, '缴费通知单')).toHaveLength(1);
  // 户口簿 order: 户主, 配偶, 子女 (the eldest first, 儿媳 with them), 父母, then the others.
  const rows = ['余户主', '余明', '女儿', '儿子', '儿媳', '父亲', '母亲', '孙子'].map((name) => six.words.find((w) => w.text === name)!);
  rows.forEach((w, i) => i > 0 && expect(w.y0, `${w.text} below the one before`).toBeGreaterThan(rows[i - 1]!.y0));
  // Headings whole; 已参保 under 二档; the long label inside its own column.
  for (const word of ['与户主', '关系', '资助类别', '（部门）', '一档', '二档']) expect(wordsWith(six, word).length, word).toBeGreaterThan(0);
  expect(wordsWith(six, '标准／资助／个人缴')).toHaveLength(2);
  const tier2 = wordsWith(six, '二档')[0]!;
  const tier1 = wordsWith(six, '一档')[0]!;
  const enrolled = wordsWith(six, '已参保')[0]!;
  // The border between the two tier columns lies midway between their headings' centres.
  const border = ((tier1.x0 + tier1.x1) / 2 + (tier2.x0 + tier2.x1) / 2) / 2;
  expect(enrolled.x0).toBeGreaterThan(border);
  // On 余明's row: below the head's, above the next member's.
  expect(enrolled.y0).toBeGreaterThan(rows[0]!.y1);
  expect(enrolled.y1).toBeLessThan(rows[2]!.y0);
  const label = wordsWith(six, /在乡重点优抚/)[0]!;
  expect(label.x1).toBeLessThan(tier1.x0);
  // Each amount one word: standard, subsidy and share never broken apart, and inside its column:
  // a 一档 amount ends before the 二档 one on its row begins.
  const amounts = wordsWith(six, '／').filter((x) => /^\d/.test(x.text));
  expect(amounts.length).toBeGreaterThanOrEqual(13);
  for (const w of amounts) expect(w.text).toMatch(/^\d+\.\d\d／\d+\.\d\d／\d+\.\d\d/);
  for (const a of amounts) for (const b of amounts) if (b !== a && Math.abs(a.y0 - b.y0) < 1 && a.x0 < b.x0) expect(a.x1 + 1).toBeLessThan(b.x0);
});

test('three receipts to an A4, the longest 资助类别 on each, every line inside its slot and the dates whole', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '1' });
  for (let i = 0; i < 4; i++) {
    const p = await call('roster.addPerson', { idNumber: id(`50023519700101${String(101 + 2 * i)}`), name: `优抚${i + 1}`, householdId: h.id });
    await call('categories.certify', { personId: p.id, code: 'priority_care', validFrom: '2023-01-01', source: '退役军人事务局名单' });
    await call('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: '2023-12-01', channel: '现金' });
  }
  call.seal();
  await page.clock.install({ time: new Date('2023-12-01T10:00:00+08:00') });
  await page.clock.resume();
  await page.goto(host.url);
  await page.getByRole('menuitem', { name: '打印' }).click();
  await choose(page, '打印内容', '缴费凭证（按缴费日期批量）');
  await expect(page.getByTestId('day-receipts').getByTestId('receipt')).toHaveCount(4);
  await page.getByText('A4 三张（裁切线）').click();
  await expect(page.getByRole('button', { name: '打印 4 张收据' })).toBeVisible();
  await screenshot(page, 'receipts-three-longest-1366');
  const sheets = await printedSheets(page, 'receipts-three-longest');
  expect(sheets).toHaveLength(2);
  const first = sheets[0]!;
  const titles = wordsWith(first, '参保缴费凭证');
  expect(titles).toHaveLength(3);
  // Each receipt from its title to its 经办人 line lies in its own third of the sheet, above the next title.
  const signs = wordsWith(first, '经办人');
  expect(signs).toHaveLength(3);
  titles.forEach((t, i) => {
    expect(signs[i]!.y0).toBeGreaterThan(t.y1);
    if (i < 2) expect(signs[i]!.y1).toBeLessThan(titles[i + 1]!.y0);
  });
  // The slots are thirds: the last receipt ends above the sheet's foot margin.
  expect(signs[2]!.y1).toBeLessThan(first.heightMm - 15);
  // Dates whole on every receipt; the label on one line inside the sheet's margins (15 mm).
  expect(wordsWith(first, '2023-12-01')).toHaveLength(3);
  expect(wordsWith(first, /^在乡重点优抚对象\(不含1-6级残疾军人\)（退役军人事务管理局）$/)).toHaveLength(3);
  for (const w of first.words) expect(w.x0 >= 14.4 && w.x1 <= first.widthMm - 14.4, `「${w.text}」`).toBe(true);
  expect(wordsWith(sheets[1]!, '参保缴费凭证')).toHaveLength(1);
  // In receipt-number order, the fourth on the second sheet; no users, so 经办人 is left to be signed.
  expect(wordsWith(first, '2024000003')).toHaveLength(1);
  expect(wordsWith(sheets[1]!, '2024000004')).toHaveLength(1);
  expect(sheets.flatMap((s) => wordsWith(s, '未设用户'))).toEqual([]);
});
