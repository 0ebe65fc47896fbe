// The briefing as a reader meets it: built from the form, drawn with its map frozen to an
// image (the ready signal the PDF renderer waits for), printed without the site's chrome, and
// in French; reached from the explorer and the country page with their filter.
import { expect, test } from './fixtures.ts';

const shots = 'tests/e2e/screenshots';
const IRAQ = '/briefing?country=IRQ&from=2015&to=2019';
test.describe.configure({ timeout: 90_000 });

test('the Iraq 2015–2019 briefing names Iraq, draws its map as an image and shows its figures, charts, cases and citation', async ({ page }) => {
	await page.setViewportSize({ width: 1100, height: 1400 });
	await page.goto(IRAQ);
	const sheet = page.getByTestId('briefing');
	await expect(sheet).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
	await expect(page.getByTestId('briefing-title')).toHaveText('Iraq · All documented items · 2015–2019');
	await expect(page.getByTestId('briefing-map-image')).toBeVisible();
	// A picture of a map, not a blank canvas: PNG data of some size.
	const src = await page.getByTestId('briefing-map-image').getAttribute('src');
	expect(src).toMatch(/^data:image\/png;base64,/);
	expect(src!.length).toBeGreaterThan(20_000);
	await expect(page.getByTestId('briefing-figure-items')).toContainText(/\d/);
	expect(await sheet.locator('[data-briefing-chart]').count()).toBeGreaterThanOrEqual(3);
	expect(await sheet.locator('[data-briefing-chart]').count()).toBeLessThanOrEqual(4);
	await expect(page.getByTestId('briefing-case').first()).toBeVisible();
	await expect(page.getByTestId('briefing-citation')).toContainText('/briefing?from=2015-01-01&to=2019-12-31&country=IRQ');
	await expect(page.getByTestId('demo-notice')).toBeVisible();
	await page.screenshot({ path: `${shots}/briefing-irq-2015-2019.png`, fullPage: true });
});

test('printing drops the site header, footer, form and buttons', async ({ page }) => {
	await page.goto(IRAQ);
	await expect(page.getByTestId('briefing')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.locator('.site-footer')).toBeHidden();
	await expect(page.getByTestId('briefing-form')).toBeHidden();
	await expect(page.getByTestId('briefing-title')).toBeVisible();
	await expect(page.getByTestId('briefing-map-image')).toBeVisible();
});

test('the briefing in French', async ({ page }) => {
	await page.setViewportSize({ width: 1100, height: 1400 });
	await page.goto(`${IRAQ}&lang=fr`);
	await expect(page.getByTestId('briefing')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
	await expect(page.getByTestId('briefing-title')).toHaveText('Irak · Tous les objets documentés · 2015–2019');
	await expect(page.getByRole('heading', { name: 'Chiffres clés' })).toBeVisible();
	await expect(page.getByTestId('briefing-pdf-link')).toHaveAttribute('href', '/briefing.pdf?from=2015-01-01&to=2019-12-31&country=IRQ&lang=fr');
	await page.screenshot({ path: `${shots}/briefing-irq-2015-2019-fr.png`, fullPage: true });
});

test('the form builds the briefing of a region and period', async ({ page }) => {
	await page.goto('/briefing');
	// Hydrated first: hydration writes the inputs' values from the address over early typing.
	await expect(page.getByTestId('briefing')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
	const form = page.getByTestId('briefing-form');
	await form.getByLabel('or region').selectOption('Asia');
	await form.getByLabel('From (year)').fill('2016');
	await form.getByLabel('Category').selectOption('weapon');
	await form.getByRole('button', { name: 'Show briefing' }).click();
	await expect(page).toHaveURL(/\/briefing\?from=2016-01-01&country=[A-Z,]*IRQ[A-Z,]*&category=weapon/);
	await expect(page.getByTestId('briefing-title')).toHaveText('Asia · Weapons · since 2016');
	await expect(page.getByTestId('briefing')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
});

test('the explorer\'s charts panel and the country page link to the briefing of what they show', async ({ page }) => {
	await page.goto('/?country=IRQ');
	await page.getByRole('button', { name: 'Charts' }).click();
	await expect(page.getByTestId('explorer-briefing-link')).toHaveAttribute('href', '/briefing?country=IRQ');
	await expect(page.getByTestId('charts-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
	await page.goto('/countries/IRQ?from=2015&to=2019');
	await expect(page.getByTestId('country-briefing-link')).toHaveAttribute('href', '/briefing?country=IRQ&from=2015&to=2019');
});
