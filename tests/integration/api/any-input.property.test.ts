// Property-based tests over every public endpoint and parameter: whatever a reader sends,
// the answer is 2xx/3xx/4xx in its documented shape, no body carries a stack trace, SQL or
// a database message, and the database is the same afterwards.
//
// Cost decides the weights: an input the schemas refuse costs no query, so most cases are
// those; inputs the schemas accept reach the database and get fewer cases.
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FILTER_KEYS, ISO3_CODES } from '../../../src/lib/filter/filter-schema.ts';
import { ITEM_CATEGORIES, MARKING_STATES, RESPONSE_FILTERS } from '../../../src/lib/domain/vocabulary.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { ENDPOINTS, answer, databaseChecksum, leakIn, type Answer, type Endpoint } from './public-endpoints.ts';

/** Cases per back end, by property; their sum is pinned below so it cannot silently shrink. */
const RUNS = { refused: 4500, anything: 400, accepted: 120 } as const;
const CASES_PER_BACKEND = 5000;
// Each property takes 1-8 s here; the margin is for two shared cores under a full `npm test`.
const PROPERTY_TIMEOUT = 120_000;

// ---- values -------------------------------------------------------------------------------

const MAX_ID = 2_147_483_647;
const HOSTILE = [
	"' OR '1'='1", "1' OR 1=1 --", "1; DROP TABLE atlas.items; --", "'); DELETE FROM atlas.items; --", "1 UNION SELECT * FROM atlas.users",
	"$1", "$$", "\\", "%", "_", "'", '"', "--", "/*", "*/", "1::int", "E'\\x00'", "pg_sleep(10)", "'; SELECT pg_sleep(10); --",
	'../../etc/passwd', '..\\..\\windows\\win.ini', '%2e%2e%2f', '/..;/', '....//', '%00', '\u0000', 'a\u0000b', '\u0001', '\t', '\r\n', '\u001b[31m', '\u007f',
	'\u202e', '\u202eIRQ', 'IRQ\u202e', '\u200f', '\u200b', '\ufeff', '\ud800', '\udfff', '🙂', 'ﷺ', 'İ', 'ß',
	'NaN', 'Infinity', '-Infinity', '-1', '-0', '0', '00', '0x10', '1e3', '1.5', '+1', ' 1', '1 ', '2147483647', '2147483648', '-2147483649',
	'4294967296', '9007199254740993', '9'.repeat(40), '1e308', '1e309', '0000', '0000-01-01', '9999-12-31', '2019-02-29', '2019-13-01', '2019-12-32',
	'1970-01-01T00:00:00Z', '2019/01/01', '', ' ', ',', ',,,', 'IRQ,', ',IRQ', 'XXX', 'xxx', 'irq', 'IRQ,XXX', 'null', 'undefined', 'true', '[]', '{}',
	'<script>alert(1)</script>', '${7*7}', '{{7*7}}', 'x'.repeat(101), 'x'.repeat(5000), 'IRQ,'.repeat(500), '1,'.repeat(1000),
	'-180,-90,180,90', '180,90,-180,-90', '0,0,0,0', '1,2,3', '1,2,3,4,5', 'NaN,NaN,NaN,NaN', '-181,0,0,1', 'Infinity,0,1,1', '1e400,0,1,1'
];

const hostile = fc.constantFrom(...HOSTILE);
const number = fc.oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })).map(String);
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 3000 }));
const anyValue = fc.oneof({ weight: 4, arbitrary: hostile }, { weight: 2, arbitrary: number }, { weight: 2, arbitrary: text }, {
	weight: 1,
	arbitrary: fc.array(fc.oneof(hostile, number), { minLength: 2, maxLength: 5 }).map((parts) => parts.join(','))
});

// Values every parameter accepts, so that combined inputs also reach the database.
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const listOf = (values: fc.Arbitrary<string>) => fc.array(values, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(','));
const goodId = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(1, MAX_ID)).map(String);
// From-values end by 2016 and to-values start in 2017, so two accepted values never cross.
const fromYear = fc.integer({ min: 2010, max: 2016 }).map(String);
const toYear = fc.integer({ min: 2017, max: 2022 }).map(String);
const goodDay = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const caseFolded = (code: string) => fc.constantFrom(code, code.toLowerCase());
const goodText = fc.oneof(pick(['assault rifle', 'pistol', 'mortar round', 'rifle']), hostile.filter((v) => !/[\u0000-\u001f\u007f]/.test(v) && v.length <= 80 && v.trim() !== '' && !v.includes(',')));
const goodBbox = fc
	.tuple(fc.double({ min: -180, max: 179, noNaN: true }), fc.double({ min: -90, max: 89, noNaN: true }), fc.double({ min: 0.001, max: 60, noNaN: true }), fc.double({ min: 0.001, max: 60, noNaN: true }))
	.map(([w, s, dw, dh]) => [w, s, Math.min(180, w + dw), Math.min(90, s + dh)].map((n) => n.toFixed(3)).join(','));

const GOOD: Record<string, fc.Arbitrary<string>> = {
	from: fc.oneof(fromYear, goodDay.filter((d) => d <= '2016-12-31')),
	to: fc.oneof(toYear, goodDay.filter((d) => d >= '2017-01-01')),
	country: listOf(pick(ISO3_CODES).chain(caseFolded)),
	made_in: listOf(pick(ISO3_CODES).chain(caseFolded)),
	category: listOf(pick(ITEM_CATEGORIES)),
	response: listOf(pick(RESPONSE_FILTERS)),
	marking: listOf(pick(MARKING_STATES)),
	type: listOf(goodText),
	manufacturer: listOf(goodId),
	group: listOf(goodId),
	case: goodId,
	consignment: goodId,
	release: goodId,
	limit: fc.integer({ min: 1, max: 50 }).map(String),
	offset: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(1_000_000)).map(String),
	bbox: goodBbox,
	q: fc.oneof(pick(['99352', 'f7503', 'T6368', '23-2-7520', 'AK 47']), goodText.filter((v) => v.replace(/[\s\-|]/g, '').length >= 3)),
	role: pick(['manufacturer', 'group']),
	lang: pick(['en', 'fr']),
	flagged: fc.constant('1'),
	// The briefing form's regions (countries.digest_region); read only when no country is given.
	region: pick(['Asia', 'Africa', 'Eastern Europe']),
	ids: listOf(goodId),
	id: goodId,
	iso3: pick(ISO3_CODES).chain(caseFolded),
	rest: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
	layer: pick(['sites', 'routes', 'countries']),
	collectionId: pick(['sites', 'cases', 'routes']),
	featureId: goodId,
	datetime: fc.oneof(goodDay, fc.tuple(fc.oneof(goodDay, fc.constant('..')), fc.oneof(goodDay, fc.constant('..'))).map(([a, b]) => (a !== '..' && b !== '..' && a > b ? `${b}/${a}` : `${a}/${b}`)), pick(['2016-05-01T12:00:00Z', '2018-01-01T00:00:00+02:00/..'])),
	'bbox-crs': fc.constant('http://www.opengis.net/def/crs/OGC/1.3/CRS84'),
	f: pick(['json', 'geojson', 'JSON']),
	// oEmbed: views of the portal the public can see (the address answer() calls from), and sizes an embed fits in.
	url: pick(['/', '/?country=IRQ&from=2015', '/?category=weapon&bbox=30,20,50,40&lang=fr', '/embed?chart=type&height=300', '/countries/IRQ', '/cases/1']).map((path) => `http://atlas.test${path}`),
	maxwidth: fc.integer({ min: 320, max: 99_999 }).map(String),
	maxheight: fc.integer({ min: 240, max: 99_999 }).map(String),
	format: fc.constant('json'),
	// The embed page's options (src/lib/share/embed-options.ts).
	mode: pick(['interactive', 'static']),
	legend: pick(['0', '1']),
	chart: pick(['none', 'timeline', 'category', 'type', 'made-in', 'holding-force']),
	chartPosition: pick(['beside', 'below']),
	height: fc.integer({ min: 240, max: 2000 }).map(String),
	// Sign-in: where to go afterwards (a path on the site; anything else is ignored, not refused).
	next: pick(['/', '/about', '/admin/review', '/?country=IRQ', 'https://elsewhere.example/', '//elsewhere.example']),
	// A stored photo's name; none exists in the seed, so a well-formed one is a 404.
	name: fc.uuid().chain((id) => pick([`${id}.jpg`, `${id}.png`]))
};

// Values each parameter must refuse (and the endpoint answer 4xx for), built without the
// schema under test: what the parameter's documented form excludes.
const TWO_LETTER_WORDS = fc.string({ minLength: 1, maxLength: 12 }).filter((v) => v.trim() !== '' && !v.includes(','));
// A control character inside the value: at its ends, whitespace ones are trimmed like spaces.
const control = fc
	.tuple(fc.string({ maxLength: 10 }), fc.oneof(fc.integer({ min: 0, max: 31 }), fc.constant(127)).map((c) => String.fromCharCode(c)), fc.string({ maxLength: 10 }))
	.map(([a, c, b]) => `${a}x${c}x${b}`);
const notId = fc.oneof(
	fc.bigInt({ min: BigInt(MAX_ID) + 1n, max: 10n ** 30n }).map(String),
	fc.integer({ max: 0 }).map(String),
	fc.double().filter((n) => !Number.isInteger(n) || n <= 0 || n > MAX_ID).map(String),
	pick(['NaN', 'Infinity', '-Infinity', '1e3', '0x10', '1.0', "1' OR '1'='1", '1;--', '\u00001', '١٢']),
	TWO_LETTER_WORDS.filter((v) => !/^\d+$/.test(v.trim()))
);
const notDate = fc.oneof(
	pick(['0000', '0000-01-01', '2019-02-29', '2019-13-01', '2019-00-01', '2019-12-32', '2019-04-31', '2100-02-29', '19', '20190', '2019-1-1', '2019/01/01', 'NaN', "2019' OR 1=1", '2019\u0000']),
	TWO_LETTER_WORDS.filter((v) => !/^\d{4}(-\d{2}-\d{2})?$/.test(v))
);
const KNOWN = new Set<string>(ISO3_CODES);
const notCountry = fc.oneof(pick(['XXX', 'QQQ', 'ZZZ', 'EUR', 'UN', 'IRQQ', 'I R', '\u202eIRQ', 'IR\u0000']), TWO_LETTER_WORDS.filter((v) => !KNOWN.has(v.trim().toUpperCase())));
const notIn = (allowed: readonly string[]) => TWO_LETTER_WORDS.filter((v) => !allowed.includes(v.trim()));
const withBad = (bad: fc.Arbitrary<string>, good: fc.Arbitrary<string>) =>
	fc.tuple(fc.array(good, { maxLength: 2 }), bad, fc.array(good, { maxLength: 2 })).map(([a, b, c]) => [...a, b, ...c].join(','));
const GOOD_ID_LIST = fc.integer({ min: 1, max: 99 }).map(String);

const BAD: Record<string, fc.Arbitrary<string>> = {
	'parties:q': fc.oneof(control.filter((v) => v.trim().length <= 100), fc.string({ minLength: 101, maxLength: 2000 }).filter((v) => v.trim().length > 100)),
	from: notDate,
	to: notDate,
	// The one party list is the red-flag list: any other value of flagged is refused.
	flagged: notIn(['1']),
	country: withBad(notCountry, pick(['IRQ', 'syr'])),
	made_in: withBad(notCountry, pick(['BEL', 'sun'])),
	category: withBad(notIn(ITEM_CATEGORIES), pick(ITEM_CATEGORIES)),
	response: withBad(notIn(RESPONSE_FILTERS), pick(RESPONSE_FILTERS)),
	marking: withBad(notIn(MARKING_STATES), pick(MARKING_STATES)),
	type: withBad(fc.oneof(control.filter((v) => !v.includes(',')), fc.string({ minLength: 81, maxLength: 400 }).filter((v) => v.trim().length > 80 && !v.includes(','))), pick(['pistol'])),
	manufacturer: withBad(notId, GOOD_ID_LIST),
	group: withBad(notId, GOOD_ID_LIST),
	case: notId.filter((v) => !v.split(',').every((p) => p.trim() === '')),
	consignment: notId.filter((v) => !v.split(',').every((p) => p.trim() === '')),
	limit: fc.oneof(pick(['0', '5001', '-1', '1.5', 'NaN', 'Infinity', '99999999999', ' 10']), fc.bigInt({ min: 5001n, max: 10n ** 20n }).map(String)),
	offset: fc.oneof(pick(['-1', '1.5', 'NaN', 'Infinity', '1000000000', '1e3']), fc.bigInt({ min: 10n ** 9n, max: 10n ** 30n }).map(String)),
	bbox: fc.oneof(
		pick(['180,90,-180,-90', '10,10,10,10', '10,20,5,30', '10,20,30,5', '-181,0,0,1', '0,-91,1,1', '0,0,181,1', '1,2,3', '1,2,3,4,5', 'NaN,0,1,1', 'Infinity,0,1,1', '1e400,0,1,1', 'a,b,c,d', ',,,', '1,,2,3']),
		fc.tuple(fc.double(), fc.double(), fc.double(), fc.double()).filter(([w, s, e, n]) => !(w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n)).map((v) => v.join(','))
	),
	q: fc.oneof(control, fc.string({ minLength: 101, maxLength: 2000 }), pick(['', 'ab', '--', 'a - b', ' | | ', 'a-|'])),
	role: notIn(['manufacturer', 'group']),
	ids: fc.oneof(withBad(notId.filter((v) => v !== ''), GOOD_ID_LIST), fc.array(GOOD_ID_LIST, { minLength: 51, maxLength: 60 }).map((v) => v.join(','))),
	id: notId,
	iso3: fc.oneof(pick(['IR', 'IRQQ', '123', 'I\u0000Q', '../', '%00', '']), TWO_LETTER_WORDS.filter((v) => !/^[A-Za-z]{3}$/.test(v))),
	layer: TWO_LETTER_WORDS.filter((v) => !['sites', 'routes', 'countries'].includes(v)),
	z: fc.oneof(pick(['23', '-1', '1.5', 'NaN', '99999999', 'a']), fc.integer({ min: 23 }).map(String)),
	// Outside the grid of every zoom (z <= 22).
	x: fc.oneof(pick(['-1', '1.5', 'NaN', '99999999', 'a', '']), fc.integer({ min: 2 ** 22 }).map(String)),
	y: fc.oneof(pick(['-1', '1.5', 'NaN', '99999999', 'a', '']), fc.integer({ min: 2 ** 22 }).map(String)),
	// OGC API – Features: a larger limit is served as the maximum, so only these are refused.
	'ogc items:limit': fc.oneof(pick(['0', '-1', '1.5', 'NaN', 'Infinity', ' 10', '1e3', '0x10']), TWO_LETTER_WORDS.filter((v) => !/^\d+$/.test(v))),
	collectionId: TWO_LETTER_WORDS.filter((v) => !['sites', 'cases', 'routes'].includes(v)),
	featureId: notId,
	datetime: fc.oneof(pick(['0000-01-01', '2019-02-29', '2019-13-01', '2019', '20190101', '../..x', '2019-01-01/2018-01-01', '2019-01-01T25:00:00Z', '2019-01-01T10:00:00', 'a/b/c', '..', '2019-01-01/../..']), TWO_LETTER_WORDS.filter((v) => /[^\d.\/:TZ+-]/.test(v))),
	'bbox-crs': TWO_LETTER_WORDS.filter((v) => v !== 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'),
	f: notIn(['json', 'geojson']).filter((v) => !['json', 'geojson'].includes(v.trim().toLowerCase())),
	// Not an address, another site's, a page that is no view, a view the portal refuses, a record nobody can see.
	url: fc.oneof(
		pick(['not a url', '/?country=IRQ', 'http://elsewhere.example/?country=IRQ', 'http://atlas.test/about', 'http://atlas.test/api/stats', 'http://atlas.test/?country=XXX', 'http://atlas.test/embed?height=5', 'http://atlas.test/cases/2147483647', 'http://atlas.test/items/1']),
		TWO_LETTER_WORDS.filter((v) => !URL.canParse(v))
	),
	maxwidth: fc.oneof(pick(['0', '-1', '1.5', 'NaN', '1e3', '100000']), TWO_LETTER_WORDS.filter((v) => !/^\d+$/.test(v))),
	maxheight: fc.oneof(pick(['0', '-1', '1.5', 'NaN', '1e3', '100000']), TWO_LETTER_WORDS.filter((v) => !/^\d+$/.test(v))),
	format: notIn(['json', 'xml']),
	mode: notIn(['interactive', 'static']),
	legend: notIn(['0', '1']),
	chart: notIn(['none', 'timeline', 'category', 'type', 'made-in', 'holding-force']),
	chartPosition: notIn(['beside', 'below']),
	height: fc.oneof(pick(['239', '2001', '-1', '1.5', 'NaN', '99999']), TWO_LETTER_WORDS.filter((v) => !/^\d+$/.test(v)))
};

// Parameters whose empty value means "absent"; a refused value for them is never empty.
const keyNames = fc.oneof(pick([...FILTER_KEYS, 'limit', 'offset', 'bbox', 'q', 'role', 'ids', 'lang', 'release', 'at', 'sel', 'x']), fc.string({ maxLength: 12 }));

// ---- checks -------------------------------------------------------------------------------

const MVT = 'application/vnd.mapbox-vector-tile';
const ATOM = 'application/atom+xml';

/** The documented shape of an answer; returns a description of what is wrong, or null. */
function shapeProblem(endpoint: Endpoint, got: Answer): string | null {
	if (got.status === endpoint.unavailable) return null;
	if (got.status >= 500) return `status ${got.status}`;
	const leak = leakIn(got.body, got.status);
	if (leak) return `leaks ${leak}`;
	if (endpoint.kind === 'page') {
		if (got.status >= 400) return JSON.parse(got.body).message ? null : 'page error without a message';
		return null;
	}
	// A redirect the endpoint documents (sign-in for staff pages, a region to its countries) carries its address.
	if (endpoint.redirects?.includes(got.status)) return got.body.startsWith('/') ? null : `redirect to ${got.body}`;
	if (got.status === 304 || got.status === 204) return got.body === '' ? null : 'body on an empty answer';
	if (got.status >= 400) {
		const body = JSON.parse(got.body);
		if (Object.keys(body).sort().join() !== 'error,field') return `4xx body ${got.body.slice(0, 200)}`;
		return typeof body.error === 'string' && typeof body.field === 'string' ? null : '4xx fields not strings';
	}
	if (endpoint.name === 'tiles') return got.contentType === MVT ? null : `tile content type ${got.contentType}`;
	if (endpoint.name.endsWith('.atom')) return got.contentType.startsWith(ATOM) ? null : `feed content type ${got.contentType}`;
	if (endpoint.name === 'export.csv') {
		if (!got.contentType.startsWith('text/csv')) return `download content type ${got.contentType}`;
		// A CSV reader takes it: a header and rows of the same width.
		return parseCsv(got.body, { relax_column_count: false }).length >= 1 ? null : 'download without a header';
	}
	JSON.parse(got.body);
	return null;
}

let cases = 0;

async function check(endpoint: Endpoint, path: Record<string, string>, pairs: [string, string][]): Promise<Answer> {
	cases += 1;
	const got = await answer(endpoint, path, new URLSearchParams(pairs));
	const problem = shapeProblem(endpoint, got);
	if (problem) throw new Error(`${endpoint.name} ${JSON.stringify(path)} ${JSON.stringify(pairs).slice(0, 400)}: ${problem}; ${got.status} ${got.body.slice(0, 300)}`);
	return got;
}

const parameterized = ENDPOINTS.filter((e) => e.query.length > 0 || Object.keys(e.path).length > 0);
const goodPath = (endpoint: Endpoint): fc.Arbitrary<Record<string, string>> =>
	endpoint.name === 'tiles'
		? fc.integer({ min: 0, max: 8 }).chain((z) => fc.record({ layer: pick(['sites', 'routes', 'countries']), z: fc.constant(String(z)), x: fc.integer({ min: 0, max: 2 ** z - 1 }).map(String), y: fc.integer({ min: 0, max: 2 ** z - 1 }).map(String) }))
		: fc.record(Object.fromEntries(Object.keys(endpoint.path).map((k) => [k, GOOD[k]])));
// Parameters an endpoint cannot answer without.
const REQUIRED: Record<string, string[]> = { search: ['q'], parties: ['role'], 'page /parties': ['flagged'], oembed: ['url'] };
const goodQuery = (endpoint: Endpoint, max = 3, except = '') =>
	fc.uniqueArray(pick(endpoint.query.length ? endpoint.query : ['lang']), { maxLength: endpoint.query.length ? max : 0 })
		.map((keys) => [...new Set([...(REQUIRED[endpoint.name] ?? []), ...keys])].filter((k) => k !== except))
		.chain((keys) => fc.tuple(...keys.map((k) => GOOD[k].map((v) => [k, v] as [string, string]))));
const badValue = (endpoint: Endpoint, field: string) => BAD[`${endpoint.name}:${field}`] ?? BAD[field];
// The parameters that have values to refuse (`lang` falls back to a default, any rest path is a 404).
// A page behind sign-in sends an anonymous reader to /login before it reads any input: none to refuse.
const refusable = (endpoint: Endpoint) => (endpoint.guarded ? [] : [...Object.keys(endpoint.path), ...endpoint.query].filter((field) => badValue(endpoint, field)));
// Stats and tiles of a whole low zoom cost the most; give them narrow views.
const narrowing: [string, string][] = [['country', 'IRQ'], ['from', '2016']];
// The endpoints that read every matching item (downloads stream them all): asked narrowed.
const NARROWED = new Set(['stats', 'tiles', 'export.csv', 'export.geojson', 'export.json']);

describeEachBackend('any input to any public endpoint', (db, backend) => {
	useAppDatabase(backend.url);
	let before = '';
	beforeAll(async () => {
		before = await databaseChecksum(db());
		cases = 0;
	});

	it(`refuses a bad value in any parameter with a 4xx naming it (${RUNS.refused} cases)`, async () => {
		await fc.assert(
			fc.asyncProperty(
				pick(parameterized.filter((e) => refusable(e).length > 0)).chain((endpoint) =>
					pick(refusable(endpoint)).chain((field) =>
						fc.tuple(fc.constant(endpoint), fc.constant(field), badValue(endpoint, field), goodPath(endpoint), goodQuery(endpoint, 2, field), fc.array(fc.tuple(keyNames, anyValue), { maxLength: 2 }))
					)
				),
				async ([endpoint, field, bad, path, good, noise]) => {
					const inPath = field in endpoint.path;
					const pairs: [string, string][] = [...good, ...(inPath ? [] : [[field, bad] as [string, string]]), ...noise.filter(([k]) => !endpoint.query.includes(k))];
					const got = await check(endpoint, inPath ? { ...path, [field]: bad } : path, pairs);
					expect(got.status, `${field}=${JSON.stringify(bad)}`).toBeGreaterThanOrEqual(400);
					if (endpoint.kind === 'api') expect([field, 'path']).toContain(JSON.parse(got.body).field);
				}
			),
			{ numRuns: RUNS.refused }
		);
	}, PROPERTY_TIMEOUT);

	it(`answers anything at all without a 5xx, a trace or a database message (${RUNS.anything} cases)`, async () => {
		await fc.assert(
			fc.asyncProperty(
				pick(ENDPOINTS).chain((endpoint) =>
					fc.tuple(
						fc.constant(endpoint),
						fc.oneof(goodPath(endpoint), fc.record(Object.fromEntries(Object.keys(endpoint.path).map((k) => [k, anyValue])))),
						fc.array(fc.tuple(fc.oneof(pick(endpoint.query.length ? endpoint.query : ['lang']), keyNames), anyValue), { maxLength: 6 })
					)
				),
				async ([endpoint, path, pairs]) => {
					await check(endpoint, path, NARROWED.has(endpoint.name) ? [...narrowing, ...pairs] : pairs);
				}
			),
			{ numRuns: RUNS.anything }
		);
	}, PROPERTY_TIMEOUT);

	it(`answers accepted values from the database with 2xx, 304 or 404 (${RUNS.accepted} cases)`, async () => {
		await fc.assert(
			fc.asyncProperty(
				pick(parameterized.filter((e) => e.database)).chain((endpoint) => fc.tuple(fc.constant(endpoint), goodPath(endpoint), goodQuery(endpoint))),
				async ([endpoint, path, pairs]) => {
					const query = NARROWED.has(endpoint.name) ? [...narrowing.filter(([k]) => !pairs.some(([p]) => p === k)), ...pairs] : pairs;
					const got = await check(endpoint, path, query);
					const expected = [200, 204, 304, 308, 404, ...(endpoint.redirects ?? []), ...(endpoint.unavailable ? [endpoint.unavailable] : [])];
					expect(expected, `${got.status} ${got.body.slice(0, 200)}`).toContain(got.status);
					if (got.status === 404) expect(['id', 'iso3', 'path', 'featureId', 'name']).toContain(endpoint.kind === 'api' ? JSON.parse(got.body).field : Object.keys(path)[0]);
				}
			),
			{ numRuns: RUNS.accepted }
		);
	}, PROPERTY_TIMEOUT);

	it(`tried at least ${CASES_PER_BACKEND} cases and left the database unchanged`, async () => {
		expect(cases).toBeGreaterThanOrEqual(CASES_PER_BACKEND);
		expect(await databaseChecksum(db())).toBe(before);
	});

	afterAll(() => {
		cases = 0;
	});
});
