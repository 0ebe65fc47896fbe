import { describe, expect, it } from 'vitest';
import {
	applyViewChange,
	parseLayers,
	parseSelection,
	parseViewState,
	parseViewport,
	serialiseViewState
} from '../../../src/lib/explorer/view-state.ts';

const view = (query: string) => parseViewState(new URLSearchParams(query));

describe('parseViewport reads at=lon,lat,zoom', () => {
	it.each([
		['12.5,33.25,4', { lon: 12.5, lat: 33.25, zoom: 4 }],
		['12.123456,33.987654,4.567', { lon: 12.1235, lat: 33.9877, zoom: 4.57 }],
		['-180,-85,0', { lon: -180, lat: -85, zoom: 0 }],
		[null, null],
		['', null],
		['12,33', null],
		['a,b,c', null],
		['12,95,3', null],
		['200,10,3', null],
		['12,10,30', null]
	])('%s → %o', (text, expected) => {
		expect(parseViewport(text)).toEqual(expected);
	});
});

describe('parseLayers keeps known layers in canonical order', () => {
	it.each([
		[null, ['sites', 'routes', 'labels']],
		['', []],
		['routes', ['routes']],
		['labels,sites', ['sites', 'labels']],
		['sites,bogus,sites', ['sites']]
	])('%s → %o', (text, expected) => {
		expect(parseLayers(text)).toEqual(expected);
	});
});

describe('parseSelection reads sel=kind:id', () => {
	it.each([
		['site:12', { kind: 'site', id: 12 }],
		['item:7', { kind: 'item', id: 7 }],
		['route:3', { kind: 'route', id: 3 }],
		['consignment:41', { kind: 'consignment', id: 41 }],
		['case:4', null],
		['site:0', null],
		['site:-1', null],
		['site:abc', null],
		['site:99999999999', null],
		[null, null]
	])('%s → %o', (text, expected) => {
		expect(parseSelection(text)).toEqual(expected);
	});
});

describe('parseViewState', () => {
	it('reads the filter with the Filter schema and keeps it canonical', () => {
		const state = view('country=syr,IRQ&from=2014&category=weapon');
		expect(state.filter).toEqual({ from: '2014-01-01', country: ['IRQ', 'SYR'], category: ['weapon'] });
		expect(state.filterQuery).toBe('from=2014-01-01&country=IRQ,SYR&category=weapon');
		expect(state.filterError).toBeNull();
	});

	it('reports an invalid filter with its field and keeps the reader text', () => {
		const state = view('country=Iraq&at=1,2,3');
		expect(state.filter).toEqual({});
		expect(state.filterError?.field).toBe('country');
		expect(state.filterQuery).toBe('country=Iraq');
		expect(state.dataQuery).toBe('');
		expect(state.at).toEqual({ lon: 1, lat: 2, zoom: 3 });
	});

	it('has defaults for an empty query', () => {
		expect(view('')).toEqual({
			filter: {},
			filterError: null,
			filterQuery: '',
			dataQuery: '',
			at: null,
			layers: ['sites', 'routes', 'labels'],
			selection: null,
			q: ''
		});
	});
});

describe('serialiseViewState round-trips through the URL', () => {
	it.each([
		'',
		'from=2014-01-01&to=2016-12-31',
		'country=IRQ,SYR&category=ammunition,weapon',
		'consignment=12&sel=consignment:12',
		'at=43.1,35.2,5.5',
		'layers=sites,labels',
		'layers=',
		'sel=site:42&q=99352',
		'manufacturer=3,8&group=12&response=dissuasive&marking=obliterated&case=4&at=10,20,3&layers=routes&sel=item:9&q=23-2-7520'
	])('%s', (query) => {
		const once = serialiseViewState(view(query));
		expect(once).toBe(query);
		expect(serialiseViewState(view(once))).toBe(once);
	});

	it('puts filter keys first in canonical order and carries other parameters', () => {
		const state = view('sel=site:1&to=2020&country=SYR&from=2015');
		expect(serialiseViewState(state, new URLSearchParams('lang=fr&sel=site:9'))).toBe(
			'from=2015-01-01&to=2020-12-31&country=SYR&sel=site:1&lang=fr'
		);
	});
});

describe('applyViewChange', () => {
	it('replaces the filter whole and clears a previous filter error', () => {
		const next = applyViewChange(view('country=Iraq&q=abc'), { filter: { category: ['ied'] } });
		expect(next.filterError).toBeNull();
		expect(serialiseViewState(next)).toBe('category=ied&q=abc');
	});

	it('keeps the filter when only the viewport changes', () => {
		const next = applyViewChange(view('country=IRQ'), { at: { lon: 1, lat: 2, zoom: 3 } });
		expect(serialiseViewState(next)).toBe('country=IRQ&at=1,2,3');
	});
});
