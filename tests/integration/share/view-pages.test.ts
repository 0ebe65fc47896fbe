import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { get, preparePortal, startPortal, type Portal } from '../resilience/portal-process.ts';

// The built portal (hooks, kit's CSP and all), on each back end: oEmbed answers, which pages
// other sites may frame, and the link-preview tags of the views.
describeEachBackend('share: oEmbed, framing and link previews', (db, backend) => {
	let portal: Portal;
	let publicCase: { id: number; title: string };
	let hiddenCaseId: number;
	let itemId: number;

	beforeAll(async () => {
		preparePortal();
		[publicCase] = await db()<{ id: number; title: string }[]>`SELECT id, title FROM atlas.diversion_cases WHERE visibility = 'public' ORDER BY id LIMIT 1`;
		const [hidden] = await db()<{ id: number }[]>`SELECT id FROM atlas.diversion_cases WHERE visibility <> 'public' ORDER BY id LIMIT 1`;
		hiddenCaseId = hidden.id;
		[{ id: itemId }] = await db()<{ id: number }[]>`SELECT item_id AS id FROM atlas.item_facts WHERE visibility = 'public' ORDER BY item_id LIMIT 1`;
		portal = await startPortal({ DATABASE_URL: backend.url });
	}, 300_000);
	afterAll(() => portal?.stop());

	const oembed = (url: string, extra = '') => get(portal.url, `/oembed?url=${encodeURIComponent(url)}${extra}`);
	const view = (path: string) => new URL(path, portal.url).href;

	describe('oEmbed', () => {
		it('answers a rich JSON whose html is the view’s /embed iframe', async () => {
			const answer = await oembed(view('/?country=SYR,IRQ&from=2015&to=2019&bbox=30,20,50,40'));
			expect(answer.status).toBe(200);
			expect(answer.headers.get('content-type')).toContain('application/json');
			const body = JSON.parse(answer.body);
			expect(body).toEqual({
				version: '1.0',
				type: 'rich',
				provider_name: 'Diversion Atlas',
				provider_url: view('/'),
				title: 'All documented items · in Iraq, Syria · 2015–2019',
				html: expect.any(String),
				width: 800,
				height: 480,
				cache_age: 3600
			});
			const src = /<iframe src="([^"]+)" width="800" height="480" title="All documented items · in Iraq, Syria · 2015–2019"/.exec(body.html)?.[1];
			// The view as the explorer writes it: canonical Filter first.
			expect(src?.replaceAll('&amp;', '&')).toBe(view('/embed?from=2015-01-01&to=2019-12-31&country=IRQ,SYR&bbox=30,20,50,40'));
		});

		it('fits the frame within maxwidth and maxheight, and the embed page asks for that height', async () => {
			const body = JSON.parse((await oembed(view('/?category=weapon'), '&maxwidth=500&maxheight=300')).body);
			expect([body.width, body.height]).toEqual([500, 300]);
			expect(body.html).toContain('width="500" height="300"');
			expect(body.html).toContain('/embed?category=weapon&amp;height=300"');
			// Limits larger than the default leave the default size.
			const roomy = JSON.parse((await oembed(view('/'), '&maxwidth=2000&maxheight=2000')).body);
			expect([roomy.width, roomy.height]).toEqual([800, 480]);
		});

		it('keeps the embed options of an /embed address', async () => {
			const body = JSON.parse((await oembed(view('/embed?case=1&mode=static&chart=timeline&height=600'))).body);
			expect(body.height).toBe(600);
			expect(body.html).toContain('/embed?case=1&amp;mode=static&amp;chart=timeline&amp;height=600"');
		});

		it('names a public record by its title and embeds its own map', async () => {
			const answer = await oembed(view(`/cases/${publicCase.id}`));
			expect(answer.status).toBe(200);
			const body = JSON.parse(answer.body);
			expect(body.title).toBe(publicCase.title);
			expect(body.html).toContain(`/embed?case=${publicCase.id}"`);
		});

		it('answers a hidden record exactly as an id nobody used: 404', async () => {
			const hidden = await oembed(view(`/cases/${hiddenCaseId}`));
			const unknown = await oembed(view('/cases/2147483647'));
			expect(hidden.status).toBe(404);
			expect(unknown.status).toBe(404);
			expect(JSON.parse(hidden.body)).toEqual(JSON.parse(unknown.body.replace('2147483647', String(hiddenCaseId))));
			expect(hidden.body).not.toContain(String(hiddenCaseId));
		});

		it.each([
			['another host', 'https://elsewhere.example/?country=IRQ'],
			['a page that is no view', '/about'],
			['an API address', '/api/stats'],
			['an item (no map of its own)', '/items/ITEM'],
			['a view with a refused filter', '/?country=XXX'],
			['an embed with a refused option', '/embed?height=5']
		])('404 for %s', async (_, path) => {
			const answer = await oembed(path.startsWith('/') ? view(path.replace('ITEM', String(itemId))) : path);
			expect(answer.status).toBe(404);
			expect(JSON.parse(answer.body)).toMatchObject({ field: 'url' });
		});

		it.each([
			['no url', '/oembed', 400, 'url'],
			['a url that is no URL', '/oembed?url=not%20a%20url', 400, 'url'],
			['maxwidth that is no number', '/oembed?url=VIEW&maxwidth=wide', 400, 'maxwidth'],
			['maxheight 0', '/oembed?url=VIEW&maxheight=0', 400, 'maxheight'],
			['an unknown format', '/oembed?url=VIEW&format=yaml', 400, 'format'],
			['format=xml (not served)', '/oembed?url=VIEW&format=xml', 501, 'format'],
			['maxwidth below the embed’s 320 px', '/oembed?url=VIEW&maxwidth=200', 404, 'maxwidth']
		])('%s → %i naming %s', async (_, path, status, field) => {
			const answer = await get(portal.url, path.replace('VIEW', encodeURIComponent(view('/'))));
			expect(answer.status).toBe(status);
			expect(JSON.parse(answer.body)).toMatchObject({ field, error: expect.stringMatching(new RegExp(`^${field}: `)) });
		});
	});

	describe('framing', () => {
		const frameAncestors = (headers: Headers) => /frame-ancestors ([^;]*)/.exec(headers.get('content-security-policy') ?? '')?.[1];

		it('lets any site frame /embed, with no X-Frame-Options and a cross-origin resource policy', async () => {
			const embed = await get(portal.url, '/embed?country=IRQ');
			expect(embed.status).toBe(200);
			expect(frameAncestors(embed.headers)).toBe('*');
			expect(embed.headers.get('x-frame-options')).toBeNull();
			expect(embed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
		});

		it.each(['/', '/about', '/cases/CASE'])('keeps %s to its own origin', async (path) => {
			const page = await get(portal.url, path.replace('CASE', String(publicCase.id)));
			expect(page.status).toBe(200);
			expect(frameAncestors(page.headers)).toBe("'self'");
			expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
		});

		it.each([
			['height=tall', 'height'],
			['chart=pie', 'chart'],
			['country=XXX', 'country']
		])('/embed?%s is a 400 naming %s', async (query, field) => {
			const page = await get(portal.url, `/embed?${query}`);
			expect(page.status).toBe(400);
			expect(page.body).toContain(`${field}: `);
		});

		it('shows the title, data date, attribution, demo notice and link back in the embed page itself', async () => {
			const page = await get(portal.url, '/embed?country=IRQ&bbox=38,29,49,38');
			expect(page.body).toContain('All documented items · in Iraq');
			expect(page.body).toMatch(/Data as of [A-Z][a-z]{2} \d{1,2}, \d{4}/);
			expect(page.body).toContain('country shapes: Natural Earth');
			expect(page.body).toContain('data-testid="demo-notice"');
			expect(page.body).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/\?country=IRQ&amp;bbox=38,29,49,38" target="_blank" rel="noopener" data-testid="embed-link-back"/);
			// No portal chrome inside another site's page.
			expect(page.body).not.toContain('class="skip-link"');
		});
	});

	describe('link previews', () => {
		const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];
		const oembedLink = (html: string) => /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

		it('gives the explorer Open Graph and Twitter tags and the oEmbed discovery link', async () => {
			const page = await get(portal.url, '/?category=ammunition&country=IRQ');
			expect(meta(page.body, 'og:title')).toBe('Ammunition · in Iraq');
			expect(meta(page.body, 'og:site_name')).toBe('Diversion Atlas');
			expect(meta(page.body, 'og:type')).toBe('website');
			expect(meta(page.body, 'og:url')?.replaceAll('&amp;', '&')).toBe(view('/?category=ammunition&country=IRQ'));
			expect(meta(page.body, 'og:description')).toContain('Ammunition · in Iraq');
			expect(meta(page.body, 'twitter:card')).toBe('summary');
			expect(meta(page.body, 'twitter:title')).toBe('Ammunition · in Iraq');
			// No picture of a view exists: none is claimed.
			expect(page.body).not.toContain('og:image');
			const discovered = await get(portal.url, new URL(oembedLink(page.body)!).pathname + new URL(oembedLink(page.body)!).search);
			expect(discovered.status).toBe(200);
			expect(JSON.parse(discovered.body).title).toBe('Ammunition · in Iraq');
		});

		it('titles a record page by its record, and offers no oEmbed where nothing can be embedded', async () => {
			const casePage = await get(portal.url, `/cases/${publicCase.id}`);
			expect(meta(casePage.body, 'og:title')).toBe(publicCase.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;'));
			expect(oembedLink(casePage.body)).toBe(`${view('/oembed')}?url=${encodeURIComponent(view(`/cases/${publicCase.id}`))}&format=json`);
			const itemPage = await get(portal.url, `/items/${itemId}`);
			expect(meta(itemPage.body, 'og:title')).toBeTruthy();
			expect(oembedLink(itemPage.body)).toBeUndefined();
		});
	});
});
