import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, embedOptionParams, parseEmbedOptions } from '../../../src/lib/share/embed-options.ts';

describe('parseEmbedOptions reads the embed options and names the one it refuses', () => {
	it('gives the defaults when none is set, ignoring the view parameters', () => {
		expect(parseEmbedOptions(new URLSearchParams('country=IRQ&bbox=1,2,3,4'))).toEqual({ ok: true, options: DEFAULT_EMBED_OPTIONS });
		expect(DEFAULT_EMBED_OPTIONS).toEqual({ mode: 'interactive', legend: true, chart: 'none', chartPosition: 'beside', height: 480 });
	});

	it('reads every option', () => {
		expect(parseEmbedOptions(new URLSearchParams('mode=static&legend=0&chart=made-in&chartPosition=below&height=600'))).toEqual({
			ok: true,
			options: { mode: 'static', legend: false, chart: 'made-in', chartPosition: 'below', height: 600 }
		});
	});

	it.each([
		['mode=moving', 'mode'],
		['legend=yes', 'legend'],
		['chart=pie', 'chart'],
		['chartPosition=above', 'chartPosition'],
		['height=tall', 'height'],
		['height=239', 'height'],
		['height=2001', 'height'],
		['height=-5', 'height']
	])('%s is refused, naming %s', (query, field) => {
		const result = parseEmbedOptions(new URLSearchParams(query));
		expect(result).toMatchObject({ ok: false, field });
		expect(result.ok === false && result.error.startsWith(`${field}: `)).toBe(true);
	});
});

describe('embedOptionParams writes only what differs from the defaults', () => {
	it('writes nothing for the defaults', () => {
		expect(embedOptionParams(DEFAULT_EMBED_OPTIONS).toString()).toBe('');
	});

	it('leaves the chart position out when there is no chart', () => {
		expect(embedOptionParams({ ...DEFAULT_EMBED_OPTIONS, chartPosition: 'below' }).toString()).toBe('');
	});

	it('round-trips through parseEmbedOptions', () => {
		const options = { mode: 'static', legend: false, chart: 'timeline', chartPosition: 'below', height: 320 } as const;
		expect(parseEmbedOptions(embedOptionParams(options))).toEqual({ ok: true, options });
	});
});
