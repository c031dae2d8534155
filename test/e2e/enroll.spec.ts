import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { api, expect, id, screenshot, test } from './fixtures';

test('a 低保 villager at the desk: found, quoted 342 / 38, saved, and the receipt prints with the capitals', async ({ page, host, request }) => {
  const call = await api(request, host.url);
  await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
  const v = await call('villages.add', { code: '001', name: '幸福村' });
  await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
  const p = await call('roster.addPerson', { idNumber: id('50023519600501011'), name: '张三', householdId: h.id, relation: '户主' });
  await call('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });

  // The desk's clock says 2023-11-02, inside 农坝's centralized window.
  await page.clock.setFixedTime(new Date('2023-11-02T10:00:00+08:00'));
  await page.goto(host.url);
  const box = page.getByLabel('查找参保人');
  await box.fill('zs');
  await expect(page.getByText('张三，')).toBeVisible();
  await box.press('Enter');
  await expect(page.getByText('城乡低保对象')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tier-1')).toContainText('342.00');
  await expect(page.getByTestId('tier-1')).toContainText('38.00');
  await expect(page.getByTestId('tier-2')).toContainText('375.00');
  await screenshot(page, 'enroll-tiers-1366');
  await page.keyboard.press('Enter');
  await expect(page.getByText('个人缴费 38.00 元')).toBeVisible();
  await expect(page.getByText('农坝府发〔2023〕42号 三(一)')).toBeVisible();
  await page.keyboard.press('Enter');
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('2024000001');
  await expect(receipt).toContainText('叁拾捌元整');
  await expect(receipt).toContainText('500235********0117');
  await screenshot(page, 'enroll-receipt-1366');

  // Printed to PDF as the browser prints it: the receipt alone, with the amounts in it.
  await page.emulateMedia({ media: 'print' });
  const dir = path.join('test', 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, 'receipt.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('342.00');
  expect(text).toContain('38.00');
  expect(text).toContain('叁拾捌元整');
  expect(text).not.toContain('参保登记');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'screenshots', 'receipt-pdf')]);
});
