import { describe, expect, it } from 'vitest';
import { CRS84, OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, readOgcQuery } from '../../../../src/lib/server/ogc/items-query.ts';

const read = (query: string) => readOgcQuery(new URLSearchParams(query));
const params = (query: string) => {
	const result = read(query);
	expect(result.ok).toBe(true);
	return Object.fromEntries((result as { params: URLSearchParams }).params);
};
const refusal = (query: string) => {
	const result = read(query);
	expect(result.ok).toBe(false);
	return (result as { field: string }).field;
};

describe('reading OGC API items parameters into the portal Filter and page', () => {
	it.each([
		['datetime=2018-03-04', { from: '2018-03-04', to: '2018-03-04' }],
		['datetime=2018-03-04T10:00:00Z', { from: '2018-03-04', to: '2018-03-04' }],
		['datetime=2018-03-04T23:30:00-02:00', { from: '2018-03-05', to: '2018-03-05' }],
		['datetime=2016-01-01/2017-12-31', { from: '2016-01-01', to: '2017-12-31' }],
		['datetime=../2017-12-31', { to: '2017-12-31' }],
		['datetime=2016-01-01/..', { from: '2016-01-01' }],
		['datetime=2016-01-01/', { from: '2016-01-01' }],
		['datetime=../..', {}]
	])('maps %s onto from/to', (query, range) => {
		const { from, to } = params(query);
		expect({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toEqual(range);
		expect(params(query).datetime).toBeUndefined();
	});

	it.each(['datetime=2018', 'datetime=2018-02-30', 'datetime=0000-01-01', 'datetime=2018-01-01T25:00:00Z', 'datetime=2019-01-01/2018-01-01', 'datetime=a/b/c', 'datetime=..'])(
		'refuses %s naming datetime',
		(query) => expect(refusal(query)).toBe('datetime')
	);

	it('lets datetime decide the time range over from and to', () => {
		expect(params('datetime=2018-01-01/..&from=2017&to=2019')).toMatchObject({ from: '2018-01-01' });
		expect(params('datetime=2018-01-01/..&from=2017&to=2019').to).toBeUndefined();
	});

	it('gives a default limit, serves a larger one as the maximum and refuses one that is no positive whole number', () => {
		expect(params('').limit).toBe(String(OGC_DEFAULT_LIMIT));
		expect(params('limit=7').limit).toBe('7');
		expect(params('limit=999999').limit).toBe(String(OGC_MAX_LIMIT));
		for (const bad of ['0', '-1', 'ten', '1.5']) expect(refusal(`limit=${bad}`)).toBe('limit');
	});

	it('takes CRS84 boxes only, dropping heights of a 3D box', () => {
		expect(params('bbox=1,2,-10,3,4,10').bbox).toBe('1,2,3,4');
		expect(params(`bbox=1,2,3,4&bbox-crs=${encodeURIComponent(CRS84)}`).bbox).toBe('1,2,3,4');
		expect(refusal('bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857')).toBe('bbox-crs');
	});

	it('accepts f=json and refuses other encodings', () => {
		expect(params('f=json').f).toBeUndefined();
		expect(refusal('f=html')).toBe('f');
	});

	it('passes the Filter and next-link parameters through unchanged', () => {
		expect(params('country=IRQ,SYR&offset=200&category=weapon')).toMatchObject({ country: 'IRQ,SYR', offset: '200', category: 'weapon' });
	});
});
