import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/lib/i18n/translate.ts';
import { FILTER_ISSUE_CODES, type Filter } from '../../../src/lib/filter/filter-schema.ts';
import {
	applyViewChange,
	checkTimeRange,
	describeFilterIssue,
	parseLayers,
	parseSelection,
	parseViewState,
	parseViewBox,
	parseViewport,
	roundViewBox,
	serialiseViewState,
	viewBoxOfViewport
} from '../../../src/lib/explorer/view-state.ts';

const view = (query: string) => parseViewState(new URLSearchParams(query));

describe('parseViewBox reads bbox=west,south,east,north', () => {
	it.each([
		['38.8,29,48.6,37.4', [38.8, 29, 48.6, 37.4]],
		// A world view keeps tenths of a degree, a town view ten-thousandths.
		['-170.123,-50.987,179.456,70.222', [-170.1, -51, 179.5, 70.2]],
		['44.123456,36.111111,44.223456,36.211111', [44.1235, 36.1111, 44.2235, 36.2111]],
		// Web Mercator stops short of the poles.
		['-180,-90,180,90', [-180, -85.1, 180, 85.1]],
		[null, null],
		['', null],
		['1,2,3', null],
		['a,b,c,d', null],
		['10,5,5,20', null],
		['10,20,30,10', null],
		['-190,0,10,10', null],
		['0,0,10,95', null]
	])('%s → %o', (text, expected) => {
		expect(parseViewBox(text)).toEqual(expected);
	});

	it('rounds every box to about a thousandth of its smaller side', () => {
		fc.assert(
			fc.property(fc.double({ min: -179, max: 170, noNaN: true }), fc.double({ min: -80, max: 70, noNaN: true }), fc.double({ min: 0.01, max: 9, noNaN: true }), (w, s, size) => {
				const box = roundViewBox([w, s, w + size, s + size]);
				const error = Math.max(Math.abs(box[0] - w), Math.abs(box[1] - s), Math.abs(box[2] - w - size), Math.abs(box[3] - s - size));
				expect(error).toBeLessThanOrEqual(size / 1000);
			})
		);
	});
});

describe('an old at=lon,lat,zoom link opens on the box it showed on a 1280×800 window\'s map', () => {
	it('reads at= as a box centred on its point, 960 px of 512 px tiles wide', () => {
		const [w, s, e, n] = viewBoxOfViewport({ lon: 43.4, lat: 35, zoom: 6.2 });
		expect((w + e) / 2).toBeCloseTo(43.4, 2);
		expect(e - w).toBeCloseTo((960 / (512 * 2 ** 6.2)) * 360, 1);
		expect(s).toBeLessThan(35);
		expect(n).toBeGreaterThan(35);
		// Mercator: more degrees south of the centre than north of it in the northern hemisphere.
		expect(35 - s).toBeGreaterThan(n - 35);
	});

	it('prefers bbox= when a link has both', () => {
		expect(view('at=43.4,35,6.2&bbox=1,2,3,4').bbox).toEqual([1, 2, 3, 4]);
		expect(view('at=43.4,35,6.2').bbox).toEqual(viewBoxOfViewport({ lon: 43.4, lat: 35, zoom: 6.2 }));
	});
});

describe('parseViewport reads the old at=lon,lat,zoom', () => {
	it.each([
		['12.5,33.25,4', { lon: 12.5, lat: 33.25, zoom: 4 }],
		['12.123456,33.987654,4.567', { lon: 12.123456, lat: 33.987654, zoom: 4.567 }],
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
		const state = view('country=Iraq&bbox=1,2,3,4');
		expect(state.filter).toEqual({});
		expect(state.filterError?.field).toBe('country');
		expect(state.filterQuery).toBe('country=Iraq');
		expect(state.dataQuery).toBe('');
		expect(state.bbox).toEqual([1, 2, 3, 4]);
	});

	it('carries a link\'s release pin into every API query, also after the filter changes', () => {
		const state = view('country=IRQ&release=3&bbox=1,2,3,4');
		expect(state.pinQuery).toBe('release=3');
		expect(state.dataQuery).toBe('country=IRQ&release=3');
		expect(applyViewChange(state, { filter: { country: ['SYR'] } }).dataQuery).toBe('country=SYR&release=3');
		expect(view('country=IRQ&release=first').dataQuery).toBe('country=IRQ');
	});

	it('has defaults for an empty query', () => {
		expect(view('')).toEqual({
			filter: {},
			filterError: null,
			filterQuery: '',
			dataQuery: '',
			pinQuery: '',
			bbox: null,
			layers: ['sites', 'routes', 'labels'],
			selection: null,
			q: '',
			colour: 'share',
			size: 'units',
			play: null,
			speed: 1
		});
	});
});

describe('serialiseViewState round-trips through the URL', () => {
	it.each([
		'',
		'from=2014-01-01&to=2016-12-31',
		'country=IRQ,SYR&category=ammunition,weapon',
		'consignment=12&sel=consignment:12',
		'colour=top&size=items',
		'bbox=38.8,29,48.6,37.4',
		'layers=sites,labels',
		'layers=',
		'sel=site:42&q=99352',
		'from=2015-01-01&to=2015-12-31&play=2012..2021&speed=2',
		'from=2016-02-01&to=2016-02-29&play=2015-11..2016-02',
		'manufacturer=3,8&group=12&response=dissuasive&marking=obliterated&case=4&bbox=10,20,30,40&layers=routes&sel=item:9&q=23-2-7520'
	])('%s', (query) => {
		const once = serialiseViewState(view(query));
		expect(once).toBe(query);
		expect(serialiseViewState(view(once))).toBe(once);
	});

	it('reads an unknown colour or size as the default, and writes the default as nothing', () => {
		expect(view('colour=rainbow&size=huge')).toMatchObject({ colour: 'share', size: 'units' });
		expect(serialiseViewState(view('colour=share&size=units'))).toBe('');
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
		const next = applyViewChange(view('country=IRQ'), { bbox: [1, 2, 3, 4] });
		expect(serialiseViewState(next)).toBe('country=IRQ&bbox=1,2,3,4');
	});
});

describe('applyViewChange writes the filter through the Filter schema', () => {
	it('writes a typed year as the day the server reads, so one view has one URL', () => {
		const next = applyViewChange(view(''), { filter: { from: '2015', to: '2016', country: ['syr', 'IRQ'] } as Filter });
		expect(next.filter).toEqual({ from: '2015-01-01', to: '2016-12-31', country: ['IRQ', 'SYR'] });
		expect(serialiseViewState(next)).toBe('from=2015-01-01&to=2016-12-31&country=IRQ,SYR');
	});

	it('comes back with the issue, and sends nothing to the API, for a filter the schema refuses', () => {
		const next = applyViewChange(view('country=IRQ'), { filter: { from: '2019-02-31' } });
		expect(next.filterError).toMatchObject({ field: 'from', code: 'no_such_day', params: { day: 31, month: 2, year: 2019 } });
		expect(next.dataQuery).toBe('');
		expect(next.filterQuery).toBe('from=2019-02-31');
	});

	// Any filter the explorer may hold, valid or not, as the pickers and the time range build it.
	const anyFilter = fc.record(
		{
			from: fc.oneof(fc.integer({ min: 0, max: 2030 }).map((y) => String(y).padStart(4, '0')), fc.string({ maxLength: 12 })),
			to: fc.oneof(fc.date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 })),
			country: fc.array(fc.constantFrom('IRQ', 'syr', 'XXX', 'LBY', 'ZZ'), { maxLength: 3 }),
			category: fc.array(fc.constantFrom('weapon', 'ied', 'tank'), { maxLength: 2 }),
			type: fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
			manufacturer: fc.array(fc.integer({ min: -5, max: 2 ** 32 }), { maxLength: 2 }),
			case: fc.integer({ min: 0, max: 2 ** 32 })
		},
		{ requiredKeys: [] }
	) as fc.Arbitrary<Filter>;

	it('gives the view its URL would give when read back: filter, error, query and API query agree (500 cases)', () => {
		let cases = 0;
		fc.assert(
			fc.property(anyFilter, (filter) => {
				cases += 1;
				const next = applyViewChange(view('bbox=1,2,3,4'), { filter });
				const reread = view(serialiseViewState(next));
				expect(reread.filter).toEqual(next.filter);
				expect(reread.filterError).toEqual(next.filterError);
				expect(reread.filterQuery).toBe(next.filterQuery);
				expect(reread.dataQuery).toBe(next.dataQuery);
			}),
			{ numRuns: 500 }
		);
		expect(cases).toBe(500);
	});
});

describe('a refused time range said in words, in English and French', () => {
	const en = translator('en');
	const fr = translator('fr');
	it.each([
		['2019-02-31', undefined, '31 February is not a date in 2019: that month has 28 days.', 'Le 31 février 2019 n’existe pas : ce mois compte 28 jours.'],
		['2019-13-01', undefined, 'There is no month 13: months run from 01 to 12.', 'Il n’y a pas de mois 13 : les mois vont de 01 à 12.'],
		['0000', undefined, 'There is no year 0000: enter a year from 0001.', 'L’année 0000 n’existe pas : saisissez une année à partir de 0001.'],
		['last year', undefined, 'Enter a year (YYYY) or a day (YYYY-MM-DD).', 'Saisissez une année (AAAA) ou un jour (AAAA-MM-JJ).'],
		['2018', '2016', 'The start (2018) is after the end (2016).', 'Le début (2018) est postérieur à la fin (2016).']
	])('from %s to %s', (from, to, english, french) => {
		const issue = checkTimeRange(from, to);
		expect(issue?.field).toBe('from');
		expect(describeFilterIssue(issue!, en)).toBe(english);
		expect(describeFilterIssue(issue!, fr)).toBe(french);
	});

	it('names the end that is wrong', () => {
		expect(checkTimeRange('2015', '2015-06-31')).toMatchObject({ field: 'to', code: 'no_such_day' });
		expect(checkTimeRange('2015', '2016-02-29')).toBeNull();
		expect(checkTimeRange(undefined, undefined)).toBeNull();
	});

	it('has a message in every catalogue for every refusal code', () => {
		for (const code of FILTER_ISSUE_CODES) {
			for (const t of [en, fr]) expect(describeFilterIssue({ code, params: { value: 'v', month: 2, day: 30, year: 2019, days: 28, from: 'a', to: 'b', allowed: 'x', max: 1, count: 2 } }, t)).not.toContain('explorer.filterIssue');
		}
	});
});
