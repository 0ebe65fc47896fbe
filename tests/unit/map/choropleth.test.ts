import { describe, expect, it } from 'vitest';
import { choropleth, choroplethFill } from '../../../src/lib/map/choropleth.ts';

const palette = ['#1', '#2', '#3', '#4', '#5'];

describe('the country choropleth', () => {
	it('puts every country with items in a class whose range holds its count, classes in order', () => {
		const counts = new Map(Array.from({ length: 40 }, (_, i) => [`C${i}`, (i + 1) ** 2]));
		const { classes, colourOf } = choropleth(counts, palette);
		expect(classes.map((c) => c.colour)).toEqual(palette);
		for (const [iso3, count] of counts) {
			const own = classes.find((c) => c.colour === colourOf.get(iso3))!;
			expect(count).toBeGreaterThanOrEqual(own.min);
			expect(count).toBeLessThanOrEqual(own.max);
		}
		for (let i = 1; i < classes.length; i++) expect(classes[i]!.min).toBeGreaterThan(classes[i - 1]!.max);
	});

	it('leaves countries without items unshaded and out of the legend', () => {
		const { classes, colourOf } = choropleth(new Map([['IRQ', 120], ['SYR', 0]]), palette);
		expect(colourOf.has('SYR')).toBe(false);
		expect(classes).toHaveLength(1);
		expect(classes[0]).toMatchObject({ min: 120, max: 120 });
	});

	it('paints plain land when nothing matches the Filter', () => {
		expect(choroplethFill(choropleth(new Map(), palette), '#land')).toBe('#land');
	});

	it('paints each country by its class colour, others as land', () => {
		const fill = choroplethFill(choropleth(new Map([['IRQ', 5]]), palette), '#land');
		expect(fill).toEqual(['match', ['get', 'iso3'], 'IRQ', expect.stringMatching(/^#\d$/), '#land']);
	});
});
