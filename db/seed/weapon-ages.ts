// Years of manufacture for the published number of weapons, with their published age at
// recovery: most are older than the 20- and 30-year record-keeping minimums.
import { WEAPON_AGES } from './calibration.ts';
import type { Random } from './random.ts';
import type { DemoDataset } from './rows.ts';

export function assignYearsOfManufacture(data: DemoDataset, rng: Random): void {
	const dayOfEvent = new Map(data.documentation_events.map((e) => [e.id, e.documented_on]));
	const traced = new Set(data.trace_request_items.map((t) => t.item_id));
	const weapons = data.items.filter((i) => i.synthetic && i.visibility === 'public' && i.category === 'weapon' && i.year_made === null);
	// Traced weapons first: a trace response is how a year of manufacture is usually established.
	const chosen = [...rng.shuffle(weapons.filter((w) => traced.has(w.id))), ...rng.shuffle(weapons.filter((w) => !traced.has(w.id)))]
		.slice(0, WEAPON_AGES.withYear);
	if (chosen.length < WEAPON_AGES.withYear) throw new Error('calibration: too few public weapons for the year-of-manufacture figure');
	const over30 = Math.round(WEAPON_AGES.olderThan30 * WEAPON_AGES.withYear);
	const over20 = Math.round(WEAPON_AGES.olderThan20 * WEAPON_AGES.withYear);
	rng.shuffle(chosen).forEach((weapon, i) => {
		const recovered = Number(dayOfEvent.get(weapon.event_id)!.slice(0, 4));
		if (i < WEAPON_AGES.fromThe1910s) weapon.year_made = rng.int(1910, 1919);
		else if (i < WEAPON_AGES.fromThe1910s + WEAPON_AGES.fromThe1930s) weapon.year_made = rng.int(1930, 1939);
		else if (i < over30) {
			// None from the 1920s, as published: the oldest bulk is post-war production.
			const decade = rng.weighted([[1940, 1], [1950, 3], [1960, 5], [1970, 7], [1980, 6]] as const);
			weapon.year_made = Math.min(recovered - 31, decade + rng.int(0, 9));
		} else if (i < over20) weapon.year_made = rng.int(recovered - 30, recovered - 21);
		else weapon.year_made = rng.int(recovered - 20, recovered);
	});
}
