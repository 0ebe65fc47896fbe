import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translate, translator } from '../../../src/lib/i18n/index.ts';
import { citationLine } from '../../../src/lib/share/citation.ts';
import { describeEachBackend } from '../backends.ts';
import { get, preparePortal, startPortal, type Portal } from '../resilience/portal-process.ts';
import { pdfPages, pdfText } from './pdf-text.ts';

const IRAQ = 'country=IRQ&from=2015&to=2019';
const TITLE = 'Iraq · All documented items · 2015–2019';
const en = new Intl.NumberFormat('en');
// Line breaks fall anywhere in a long line (a URL): compare such text without white space.
const compact = (text: string) => text.replace(/\s+/g, '');

async function pdf(base: string, path: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
	const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(60_000) });
	return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

// The built portal as `npm start` runs it, once with Debian's Chromium and once with
// CHROMIUM_PATH pointing at nothing, on each back end's seeded database.
describeEachBackend('GET /briefing.pdf', (_db, backend) => {
	let portal: Portal;
	let withoutChromium: Portal;

	beforeAll(async () => {
		preparePortal();
		[portal, withoutChromium] = await Promise.all([
			startPortal({ DATABASE_URL: backend.url }),
			startPortal({ DATABASE_URL: backend.url, CHROMIUM_PATH: '/nonexistent/chromium' })
		]);
	}, 240_000);

	afterAll(async () => {
		await Promise.all([portal?.stop(), withoutChromium?.stop()]);
	});

	it('prints the Iraq 2015–2019 briefing with its title, the API’s figures for the same filter and the citation', async () => {
		const [summary, stats] = await Promise.all([get(portal.url, `/api/summary?${IRAQ}`), get(portal.url, `/api/stats?${IRAQ}`)]);
		const counts = JSON.parse(summary.body);
		const evidence = JSON.parse(stats.body);
		const release = summary.headers.get('data-release');
		const answer = await pdf(portal.url, `/briefing.pdf?${IRAQ}`);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('application/pdf');
		expect(answer.headers.get('content-disposition')).toBe(
			`inline; filename="diversion-atlas-briefing-from-2015_01_01-to-2019_12_31-country-irq-release-${release}-${new Date().toISOString().slice(0, 10)}.pdf"`
		);
		const text = pdfText(answer.bytes);
		expect(text).toContain(TITLE);
		for (const figure of [counts.items, counts.units, counts.sites, counts.cases, evidence.traceRequests, evidence.traceResponses]) {
			expect(text).toContain(en.format(figure));
		}
		// The figures sit in a grid: a figure and its label are not one run of text.
		expect(text).toContain(`${Math.round((100 * evidence.traceResponses) / evidence.traceRequests)}%`);
		const { t } = translator('en');
		const citation = citationLine(
			{ title: TITLE, permalink: `${portal.url}/briefing?from=2015-01-01&to=2019-12-31&country=IRQ`, release: { number: Number(release), releasedOn: '' }, retrieved: new Date() },
			'en',
			t
		);
		expect(compact(text)).toContain(compact(citation));
		expect(text).toContain(translate('en', 'demo.heading').toUpperCase());
		// Its pages as pictures, kept for a person to look at (the test checks there are some).
		const pages = pdfPages(answer.bytes, `briefing-irq-${backend.name}`);
		expect(pages.length).toBeGreaterThanOrEqual(1);
		for (const png of pages) expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
		console.log(`[briefing] ${backend.name}: rendered in ${answer.headers.get('server-timing')}; pages ${pages.join(' ')}`);
	}, 90_000);

	it('shows on the page the figures /api/summary and /api/stats answer for the same filter', async () => {
		const [summary, stats, page] = await Promise.all([get(portal.url, `/api/summary?${IRAQ}`), get(portal.url, `/api/stats?${IRAQ}`), get(portal.url, `/briefing?${IRAQ}`)]);
		expect(page.status).toBe(200);
		const counts = JSON.parse(summary.body);
		const evidence = JSON.parse(stats.body);
		const shown = (id: string) => Number(new RegExp(`data-testid="briefing-figure-${id}" data-value="(\\d+)"`).exec(page.body)?.[1]);
		expect({ items: shown('items'), sites: shown('sites'), cases: shown('cases'), requests: shown('requests'), responses: shown('rate'), dissuasive: shown('dissuasive') }).toEqual({
			items: counts.items,
			sites: counts.sites,
			cases: counts.cases,
			requests: evidence.traceRequests,
			responses: evidence.traceResponses,
			dissuasive: evidence.responseClasses.dissuasive
		});
	});

	it('prints in French when asked in French', async () => {
		const answer = await pdf(portal.url, `/briefing.pdf?${IRAQ}&lang=fr`);
		expect(answer.status).toBe(200);
		const text = pdfText(answer.bytes);
		expect(text).toContain('Irak · Tous les objets documentés · 2015–2019');
		expect(text).toContain(translate('fr', 'briefing.method.heading'));
	}, 90_000);

	it('renders one briefing at a time: a second request at once is a 429 with Retry-After', async () => {
		const answers = await Promise.all([pdf(portal.url, `/briefing.pdf?${IRAQ}`), pdf(portal.url, '/briefing.pdf?country=SYR')]);
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429]);
		const busy = answers.find((answer) => answer.status === 429)!;
		expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(JSON.parse(new TextDecoder().decode(busy.bytes))).toEqual({ error: translate('en', 'briefing.pdf.busy') });
	}, 90_000);

	it('answers 501 with a message in words when no Chromium is installed, while the printable page still serves', async () => {
		const answer = await get(withoutChromium.url, `/briefing.pdf?${IRAQ}`);
		expect(answer.status).toBe(501);
		expect(JSON.parse(answer.body)).toEqual({ error: translate('en', 'briefing.pdf.noBrowser') });
		const french = await get(withoutChromium.url, `/briefing.pdf?${IRAQ}&lang=fr`);
		expect(JSON.parse(french.body)).toEqual({ error: translate('fr', 'briefing.pdf.noBrowser') });
		expect((await get(withoutChromium.url, `/briefing?${IRAQ}`)).status).toBe(200);
	});

	it('refuses a bad filter with a 400 naming the field, on the page and the PDF', async () => {
		const refused = await get(withoutChromium.url, '/briefing.pdf?country=XXX');
		expect(refused.status).toBe(400);
		expect(JSON.parse(refused.body)).toMatchObject({ field: 'country' });
		expect((await get(withoutChromium.url, '/briefing?from=2019&to=2015')).status).toBe(400);
		expect((await get(withoutChromium.url, '/briefing?region=Atlantis')).status).toBe(400);
	});

	it('turns a region chosen in the form into its countries in the one Filter', async () => {
		const response = await fetch(new URL('/briefing?region=Asia&from=2015', withoutChromium.url), { redirect: 'manual' });
		expect(response.status).toBe(303);
		const target = new URL(response.headers.get('location')!, withoutChromium.url);
		expect(target.searchParams.get('from')).toBe('2015-01-01');
		expect(target.searchParams.get('country')!.split(',')).toEqual(expect.arrayContaining(['IRQ', 'SYR', 'AFG']));
		const page = await get(withoutChromium.url, target.pathname + target.search);
		expect(page.body).toContain('<h1 data-testid="briefing-title"');
		expect(page.body).toMatch(/data-testid="briefing-title"[^>]*>Asia · All documented items · since 2015</);
		// The PDF of a region is the PDF of its countries, and an unknown region a 400 naming it.
		const pdfAddress = await fetch(new URL('/briefing.pdf?region=Asia&from=2015', withoutChromium.url), { redirect: 'manual' });
		expect(pdfAddress.status).toBe(303);
		expect(pdfAddress.headers.get('location')).toBe(`/briefing.pdf${target.search}`);
		const unknown = await get(withoutChromium.url, '/briefing.pdf?region=Atlantis');
		expect(unknown.status).toBe(400);
		expect(JSON.parse(unknown.body)).toMatchObject({ field: 'region' });
	});
});
