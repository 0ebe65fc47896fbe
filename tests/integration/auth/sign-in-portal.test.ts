// Sign-in as a browser meets it, on two built portals sharing one database (two instances
// behind a load balancer): the cookie's flags, a session opened on one instance and used on
// the other, the origin check, next=, the throttle's 429, sign-out, the admin pages' guard, and
// answers that never cross partitions in any cache (the answer cache, the tile cache and the
// fast path in front of SvelteKit).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { decodeTile } from '../map/tile-decoding.ts';
import { preparePortal, startPortal, type Portal } from '../resilience/portal-process.ts';
import { addTestAccount, type TestAccount } from './accounts.ts';

function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
	const n = 2 ** z;
	const rad = (lat * Math.PI) / 180;
	return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

describeEachBackend('signing in to two portal instances', (db, backend) => {
	const portals: Portal[] = [];
	let admin: TestAccount;
	let partner: TestAccount;

	beforeAll(async () => {
		preparePortal();
		[admin, partner] = [await addTestAccount(db(), 'admin'), await addTestAccount(db(), 'partner', { country: 'BGR' })];
		for (let i = 0; i < 2; i++) portals.push(await startPortal({ DATABASE_URL: backend.url }));
	}, 300_000);

	afterAll(async () => {
		await Promise.all(portals.map((portal) => portal.stop()));
	});

	const origin = (portal: Portal) => new URL(portal.url).origin;
	/** Posts the sign-in form as a browser on the portal's own page would. */
	const postLogin = (portal: Portal, fields: Record<string, string>, headers: Record<string, string> = { origin: origin(portal) }) =>
		fetch(new URL('/login', portal.url), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
			body: new URLSearchParams(fields)
		});
	const sessionCookie = (response: Response) => {
		const set = response.headers.getSetCookie().find((cookie) => cookie.startsWith('atlas_session='));
		if (!set) throw new Error(`no session cookie in ${response.status} ${JSON.stringify([...response.headers])}`);
		return set;
	};
	const signedIn = async (portal: Portal, account: TestAccount) => sessionCookie(await postLogin(portal, { email: account.email, password: account.password })).split(';')[0];
	const get = (portal: Portal, path: string, headers: Record<string, string> = {}) =>
		fetch(new URL(path, portal.url), { redirect: 'manual', headers: { accept: 'text/html', ...headers } });

	it('sets an HttpOnly, SameSite=Lax session cookie with an expiry (not Secure over plain http) and goes where next= says', async () => {
		const response = await postLogin(portals[0], { email: admin.email, password: admin.password, next: '/admin/audit?action=LOGIN' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/admin/audit?action=LOGIN');
		const cookie = sessionCookie(response);
		expect(cookie).toMatch(/^atlas_session=[A-Za-z0-9_-]{43}; /);
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		expect(cookie).toMatch(/; Path=\//i);
		expect(cookie).toMatch(/; Expires=/i);
		expect(cookie).not.toMatch(/; Secure/i);
	});

	it('opens a session on one instance that the other accepts (sessions live in the database)', async () => {
		const cookie = await signedIn(portals[0], admin);
		const audit = await get(portals[1], '/admin/audit', { cookie });
		expect(audit.status).toBe(200);
		expect(audit.headers.get('cache-control')).toMatch(/private|no-store/);
		const page = await audit.text();
		expect(page).toContain('Audit log');
		expect(page).toContain(admin.email);
	});

	it('sends an anonymous reader of /admin/audit to sign in (303) and refuses a partner (403)', async () => {
		const anonymous = await get(portals[0], '/admin/audit?action=LOGIN');
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Faudit%3Faction%3DLOGIN');
		const cookie = await signedIn(portals[1], partner);
		expect((await get(portals[0], '/admin/audit', { cookie })).status).toBe(403);
		expect((await get(portals[0], '/admin/users', { cookie })).status).toBe(403);
	});

	it('refuses a sign-in form posted from another origin (SvelteKit’s origin check is on)', async () => {
		const response = await postLogin(portals[0], { email: admin.email, password: admin.password }, { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
		expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('atlas_session='))).toBe(false);
	});

	it('answers a wrong password and an unknown email alike, naming neither', async () => {
		const wrong = await postLogin(portals[0], { email: admin.email, password: 'not-the-password' });
		const unknown = await postLogin(portals[1], { email: 'nobody-at-all@atlas.test', password: 'not-the-password' });
		expect([wrong.status, unknown.status]).toEqual([400, 400]);
		const [a, b] = [await wrong.text(), await unknown.text()];
		for (const page of [a, b]) expect(page).toContain('The email or password is not right.');
		expect(a.replaceAll(admin.email, 'EMAIL').replace(/nonce-[^']+/g, '').replace(/nonce="[^"]+"/g, '').replace(/__sveltekit_\w+/g, '').length).toBe(
			b.replaceAll('nobody-at-all@atlas.test', 'EMAIL').replace(/nonce-[^']+/g, '').replace(/nonce="[^"]+"/g, '').replace(/__sveltekit_\w+/g, '').length
		);
	});

	it('refuses next= addresses off the site and goes home instead', async () => {
		for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
			const response = await postLogin(portals[0], { email: partner.email, password: partner.password, next });
			expect(response.status, next).toBe(303);
			expect(response.headers.get('location'), next).toBe('/');
		}
	});

	it('answers the sixth failed sign-in of an account with 429 and Retry-After, on either instance', async () => {
		const target = await addTestAccount(db(), 'editor');
		for (let i = 0; i < 5; i++) expect((await postLogin(portals[i % 2], { email: target.email, password: 'guess' })).status).toBe(400);
		const throttled = await postLogin(portals[1], { email: target.email, password: target.password });
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(60);
		expect(await throttled.text()).toContain('Too many failed attempts');
	});

	it('ends the session at sign-out (POST /logout), on every instance', async () => {
		const cookie = await signedIn(portals[0], admin);
		const out = await fetch(new URL('/logout', portals[1].url), {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie, origin: origin(portals[1]), 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(out.status).toBe(303);
		expect(out.headers.getSetCookie().find((c) => c.startsWith('atlas_session='))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
		const after = await get(portals[0], '/admin/audit', { cookie });
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toMatch(/^\/login\?next=/);
	});

	it('never serves a partner’s cached summary to the public, or the public’s to the partner', async () => {
		const cookie = await signedIn(portals[0], partner);
		const path = '/api/summary?made_in=BGR&from=2001';
		const asPartner = await get(portals[0], path, { cookie, accept: 'application/json' });
		const asPublic = await get(portals[0], path, { accept: 'application/json' });
		const again = await get(portals[0], path, { cookie, accept: 'application/json' });
		expect([asPartner.status, asPublic.status, again.status]).toEqual([200, 200, 200]);
		expect(asPartner.headers.get('cache-control')).toMatch(/^private/);
		expect(asPublic.headers.get('cache-control')).toMatch(/^public/);
		expect(asPartner.headers.get('etag')).not.toBe(asPublic.headers.get('etag'));
		const [partnerBody, publicBody, againBody] = [await asPartner.text(), await asPublic.text(), await again.text()];
		expect(partnerBody).not.toBe(publicBody);
		expect(againBody).toBe(partnerBody);
		// The public's ETag does not answer the partner with a 304, nor the partner's the public.
		expect((await get(portals[0], path, { cookie, accept: 'application/json', 'if-none-match': asPublic.headers.get('etag')! })).status).toBe(200);
		expect((await get(portals[0], path, { accept: 'application/json', 'if-none-match': asPartner.headers.get('etag')! })).status).toBe(200);
	});

	it('never serves a tile cached for the public (fast path included) as a partner’s, or the partner’s to the public', async () => {
		// A public site holding restricted items made in Bulgaria: its counts differ by partition.
		const [site] = await db()<{ lon: number; lat: number; site_id: number }[]>`
			SELECT f.site_id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat FROM atlas.item_facts f JOIN atlas.sites s ON s.id = f.site_id
			WHERE f.item_visibility = 'restricted' AND f.place_visibility = 'public' AND f.made_in_iso3 = 'BGR' AND abs(ST_Y(s.geom)) < 60
			ORDER BY f.site_id LIMIT 1`;
		expect(site).toBeDefined();
		const { x, y } = tileOf(site.lon, site.lat, 12);
		const path = `/tiles/sites/12/${x}/${y}.mvt`;
		const cookie = await signedIn(portals[1], partner);
		const itemsAt = async (response: Response) => {
			expect(response.status).toBe(200);
			const decoded = await decodeTile(new Response(await response.arrayBuffer()));
			return Number(decoded.sites.find((feature) => Number(feature.id) === site.site_id)?.properties.items ?? 0);
		};
		// The public first, twice, so the second answer comes from memory (the fast path).
		const publicItems = await itemsAt(await get(portals[1], path, { 'accept-encoding': 'gzip' }));
		const cachedPublic = await get(portals[1], path, { 'accept-encoding': 'gzip' });
		expect(cachedPublic.headers.get('x-tile-cache')).toBe('hit');
		expect(await itemsAt(cachedPublic)).toBe(publicItems);
		const partnerAnswer = await get(portals[1], path, { cookie, 'accept-encoding': 'gzip' });
		expect(partnerAnswer.headers.get('cache-control')).toMatch(/^private/);
		const partnerItems = await itemsAt(partnerAnswer);
		expect(partnerItems).toBeGreaterThan(publicItems);
		// And the public after the partner still gets the public's counts.
		expect(await itemsAt(await get(portals[1], path, { 'accept-encoding': 'gzip' }))).toBe(publicItems);
	});
});
