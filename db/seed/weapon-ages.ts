// Years of manufacture for the published number of weapons, with their published age at
// recovery: most are older than the 20- and 30-year record-keeping minimums. Each year is one
// the weapon's country (and factory) made its model in: a weapon that cannot take the year
// drawn for it keeps its country and maker but may become another model they made then, or
// is left for a later age band.
import { WEAPON_AGES } from './calibration.ts';
import { refit, type MakerIndex } from './item-origin.ts';
import type { Random } from './random.ts';
import type { DemoDataset } from './rows.ts';

export function assignYearsOfManufacture(data: DemoDataset, rng: Random, makers: MakerIndex): void {
	const dayOfEvent = new Map(data.documentation_events.map((e) => [e.id, e.documented_on]));
	const traced = new Set(data.trace_request_items.map((t) => t.item_id));
	// A year of manufacture is established for weapons whose country of manufacture is.
	const weapons = data.items.filter((i) => i.synthetic && i.visibility === 'public' && i.category === 'weapon' && i.year_made === null && i.made_in_iso3 !== null);
	// Traced weapons first: a trace response is how a year of manufacture is usually established.
	const pool = [...rng.shuffle(weapons.filter((w) => traced.has(w.id))), ...rng.shuffle(weapons.filter((w) => !traced.has(w.id)))];
	const over30 = Math.round(WEAPON_AGES.olderThan30 * WEAPON_AGES.withYear);
	const over20 = Math.round(WEAPON_AGES.olderThan20 * WEAPON_AGES.withYear);
	const rare = WEAPON_AGES.fromThe1910s + WEAPON_AGES.fromThe1930s;
	const bands: { count: number; year: (recovered: number) => number }[] = [
		{ count: WEAPON_AGES.fromThe1910s, year: () => rng.int(1910, 1919) },
		{ count: WEAPON_AGES.fromThe1930s, year: () => rng.int(1930, 1939) },
		// None from the 1920s, as published: the oldest bulk is post-war production.
		{ count: over30 - rare, year: (recovered) => Math.min(recovered - 31, rng.weighted([[1940, 1], [1950, 3], [1960, 5], [1970, 7], [1980, 6]] as const) + rng.int(0, 9)) },
		{ count: over20 - over30, year: (recovered) => rng.int(recovered - 30, recovered - 21) },
		{ count: WEAPON_AGES.withYear - over20, year: (recovered) => rng.int(recovered - 20, recovered) }
	];
	// A weapon cannot be made after the consignment that carried it was ordered or shipped.
	const latest = new Map<number, number>();
	const keep = (consignment: number | null, day: string | null) => {
		if (consignment === null || day === null) return;
		latest.set(consignment, Math.min(latest.get(consignment) ?? Infinity, Number(day.slice(0, 4))));
	};
	for (const c of data.consignments) keep(c.id, c.ordered_on);
	for (const t of data.transfers) keep(t.consignment_id, t.shipped_from ?? t.ordered_on);
	const dated = new Set<number>();
	for (const band of bands) {
		let found = 0;
		for (const weapon of pool) {
			if (found === band.count) break;
			if (dated.has(weapon.id)) continue;
			const year = band.year(Number(dayOfEvent.get(weapon.event_id)!.slice(0, 4)));
			if (weapon.consignment_id !== null && year > (latest.get(weapon.consignment_id) ?? Infinity)) continue;
			if (!refit(rng, weapon, weapon.made_in_iso3!, makers, year)) continue;
			weapon.year_made = year;
			dated.add(weapon.id);
			found++;
		}
		if (found < band.count) throw new Error('calibration: too few public weapons for the year-of-manufacture figure');
	}
}
