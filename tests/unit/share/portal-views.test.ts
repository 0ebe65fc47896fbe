import { describe, expect, it } from 'vitest';
import { explorerParams, mapParamsOfPage, portalViewOf, recordMapParams } from '../../../src/lib/share/portal-views.ts';

const origin = 'https://atlas.example';
const view = (path: string) => portalViewOf(new URL(path, origin), origin);

describe('portalViewOf says which addresses are views of the portal', () => {
	it('reads the explorer and the embed page as the explorer with its view parameters', () => {
		expect(view('/?country=IRQ&bbox=1,2,3,4&lang=fr&utm_source=x')).toEqual({ kind: 'explorer', params: new URLSearchParams('country=IRQ&bbox=1,2,3,4&lang=fr') });
		expect(view('/embed?case=3&mode=static&height=300')).toEqual({ kind: 'explorer', params: new URLSearchParams('case=3') });
	});

	it.each([
		['/cases/12', { kind: 'case', id: 12 }],
		['/consignments/4', { kind: 'consignment', id: 4 }],
		['/parties/7', { kind: 'party', id: 7 }],
		['/items/99', { kind: 'item', id: 99 }],
		['/countries/IRQ', { kind: 'country', iso3: 'IRQ' }]
	])('reads the record page %s', (path, expected) => {
		expect(view(path)).toEqual(expected);
	});

	it.each(['/about', '/parties', '/api/stats', '/cases/0', '/cases/abc', '/cases/99999999999', '/countries/irq', '/tiles/sites/0/0/0.mvt', '/oembed'])('%s is not a view', (path) => {
		expect(view(path)).toBeNull();
	});

	it('refuses another host, even with a view path', () => {
		expect(portalViewOf(new URL('https://elsewhere.example/?country=IRQ'), origin)).toBeNull();
		expect(portalViewOf(new URL('http://atlas.example/cases/1'), origin)).toBeNull();
	});
});

describe('recordMapParams gives the explorer parameters of a record’s own map', () => {
	it.each([
		[{ kind: 'case', id: 3 } as const, undefined, 'case=3'],
		[{ kind: 'consignment', id: 8 } as const, undefined, 'consignment=8'],
		[{ kind: 'country', iso3: 'SYR' } as const, undefined, 'country=SYR'],
		[{ kind: 'party', id: 5 } as const, 'armed_group', 'group=5'],
		[{ kind: 'party', id: 5 } as const, 'state_force', 'group=5'],
		[{ kind: 'party', id: 5 } as const, 'manufacturer', 'manufacturer=5']
	])('%o (%s) → %s', (record, kind, query) => {
		expect(recordMapParams(record, kind)?.toString()).toBe(query);
	});

	it.each(['broker', 'company', 'state', undefined])('a %s party has no map', (kind) => {
		expect(recordMapParams({ kind: 'party', id: 5 }, kind)).toBeNull();
	});

	it('an item has no map', () => {
		expect(recordMapParams({ kind: 'item', id: 5 })).toBeNull();
		expect(mapParamsOfPage(new URL('/items/5', origin))).toBeNull();
	});

	it('explorerParams keeps the view and the language only, as the explorer writes them', () => {
		expect(explorerParams(new URLSearchParams('from=2015&chart=type&lang=fr&foo=1&sel=site:3')).toString()).toBe('from=2015-01-01&sel=site%3A3&lang=fr');
		// A pinned view's embed stays pinned to its data release.
		expect(explorerParams(new URLSearchParams('release=4&country=IRQ&utm=x')).toString()).toBe('country=IRQ&release=4');
		// One view, one embed code: the Filter in canonical order whatever order the URL had.
		expect(explorerParams(new URLSearchParams('country=IRQ&category=ammunition')).toString()).toBe(explorerParams(new URLSearchParams('category=ammunition&country=IRQ')).toString());
	});
});
