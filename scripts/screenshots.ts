// `npm run screenshots`: pictures of the main pages for docs/screenshots/, taken in Debian's Chromium on demo data.
import path from 'node:path';
import { launchBrowser, openEditor, signIn, startServer } from '../test/e2e/e2e-kit.js';

const outDir = path.join('docs', 'screenshots');
const shots: { user: string; url: string; file: string }[] = [
  { user: 'enhetschef', url: '/', file: 'startsida-enhetschef.png' },
  { user: 'enhetschef', url: '/cases', file: 'arenden.png' },
  { user: 'lss-handlaggare', url: '/housing', file: 'boenderegistret.png' },
  { user: 'ivo-rapportor', url: '/reports/ivo', file: 'ivo-rapport.png' },
  { user: 'verksamhetschef', url: '/statistics', file: 'statistik.png' },
];

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.baseUrl, shot.user);
    await page.goto(server.baseUrl + shot.url);
    await page.screenshot({ path: path.join(outDir, shot.file), fullPage: true });
    await page.close();
  }
  // The start page on a 390 px phone: every row a card, nothing off the screen.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(phone, server.baseUrl, 'enhetschef');
  await phone.screenshot({ path: path.join(outDir, 'startsida-mobil.png'), fullPage: true });
  await phone.close();
  // The first task of the enhetschef, and its case with the diagram drawn.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, server.baseUrl, 'enhetschef');
  await page.getByRole('link', { name: 'Verkställ beställning' }).first().click();
  await page.screenshot({ path: path.join(outDir, 'uppgift.png'), fullPage: true });
  await page.locator('main a[href^="/cases/"]').first().click();
  await page.waitForSelector('#case-diagram[data-state="drawn"]', { timeout: 15_000 });
  await page.screenshot({ path: path.join(outDir, 'arende-med-diagram.png'), fullPage: true });
  await page.close();
  // The editor with a timer selected: its value and its meaning in words.
  const editor = await openEditor(browser, server.baseUrl, 'korttidsvistelse-lss', { width: 1440, height: 1000 });
  await editor.waitForFunction(() => document.getElementById('editor-status')?.textContent?.startsWith('Kontrollerat'), null, { timeout: 15_000 });
  await editor.click('[data-element-id="treManaderUtanVerkstallighet"]');
  await editor.waitForFunction(() => document.querySelector('.timer-words')?.textContent?.startsWith('Betyder'), null, { timeout: 10_000 });
  await editor.screenshot({ path: path.join(outDir, 'redigerare.png'), fullPage: true });
  await editor.close();
  console.log(`Skärmbilder sparade i ${outDir}`);
} finally {
  await browser.close();
  await server.stop();
}
