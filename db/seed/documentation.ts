// Synthetic field documentation: parties, recovery sites on real towns, documentation
// events and the items documented at them.
import type { DatasetBuilder } from './builder.ts';
import { CATEGORY_WEIGHTS, DUAL_USE_MADE_IN, ITEM_KINDS, MADE_IN_WEIGHTS, NAME_PARTS } from './catalogue.ts';
import { COMPANY_COUNTRIES } from './calibration.ts';
import type { Random } from './random.ts';
import { CONFLICT_STATES, type Town } from './reference.ts';
import { point, type ItemCategory, type ItemRow, type MarkingState, type Visibility } from './rows.ts';

export interface SyntheticParties {
	companiesByCountry: Map<string, number[]>;
	groupsByCountry: Map<string, number[]>;
	forcesByCountry: Map<string, number>;
	brokers: number[];
}

const YEAR_WEIGHTS: readonly (readonly [number, number])[] = [
	[2014, 8], [2015, 11], [2016, 13], [2017, 15], [2018, 15], [2019, 14], [2020, 12], [2021, 12]
];

function visibility(rng: Random, restricted: number, draft: number): Visibility {
	const draw = rng.next();
	return draw < draft ? 'draft' : draw < draft + restricted ? 'restricted' : 'public';
}

export function addSyntheticParties(b: DatasetBuilder, rng: Random, countryName: (iso3: string) => string): SyntheticParties {
	const companiesByCountry = new Map<string, number[]>();
	const usedNames = new Set<string>();
	const uniqueName = (make: () => string) => {
		for (let i = 0; ; i++) {
			const name = make() + (i > 5 ? ` ${i}` : '');
			if (!usedNames.has(name)) return usedNames.add(name), name;
		}
	};
	for (const [iso3] of COMPANY_COUNTRIES) {
		const ids: number[] = [];
		for (let i = rng.int(2, 5); i > 0; i--) {
			const name = uniqueName(() => `${rng.pick(NAME_PARTS.companyStems)} ${rng.pick(NAME_PARTS.companySuffixes)}`);
			ids.push(b.addParty({ kind: 'manufacturer', name, country_iso3: iso3, visibility: 'public', synthetic: true }));
		}
		companiesByCountry.set(iso3, ids);
	}
	const groupsByCountry = new Map<string, number[]>();
	const forcesByCountry = new Map<string, number>();
	for (const [iso3] of CONFLICT_STATES) {
		forcesByCountry.set(iso3, b.addParty({ kind: 'state_force', name: `${countryName(iso3)} security forces`, country_iso3: iso3, visibility: 'public', synthetic: true }));
		const ids: number[] = [];
		for (let i = rng.int(3, 6); i > 0; i--) {
			const name = uniqueName(() => `${rng.pick(NAME_PARTS.groupAdjectives)} ${rng.pick(NAME_PARTS.groupNouns)} ${rng.pick(NAME_PARTS.groupTags)}`);
			ids.push(b.addParty({ kind: 'armed_group', name, country_iso3: iso3, visibility: 'public', synthetic: true }));
		}
		groupsByCountry.set(iso3, ids);
	}
	const brokers: number[] = [];
	for (const iso3 of ['ARE', 'TUR', 'CYP', 'BGR', 'UKR', 'SDN', 'UGA', 'KEN', 'EGY', 'SRB', 'LBN', 'OMN']) {
		const name = uniqueName(() => `${rng.pick(NAME_PARTS.companyStems)} ${rng.pick(NAME_PARTS.brokerSuffixes)}`);
		const redFlag = rng.chance(0.3);
		brokers.push(b.addParty({
			kind: 'broker', name, country_iso3: iso3, visibility: 'public', synthetic: true, red_flag: redFlag,
			red_flag_reason: redFlag ? 'Synthetic example: named in more than one diversion case as an intermediary.' : null
		}));
	}
	return { companiesByCountry, groupsByCountry, forcesByCountry, brokers };
}

export interface SiteIndex {
	byCountry: Map<string, { ids: number[]; weights: number[] }>;
	nameById: Map<number, string>;
	countryById: Map<number, string>;
	visibilityById: Map<number, Visibility>;
}

/** One site per chosen real town, more of them where field work weighs more. */
export function addSites(b: DatasetBuilder, rng: Random, towns: Map<string, Town[]>, onShape: (town: Town) => boolean): SiteIndex {
	const byCountry = new Map<string, { ids: number[]; weights: number[] }>();
	const nameById = new Map<number, string>();
	const countryById = new Map<number, string>();
	const visibilityById = new Map<number, Visibility>();
	for (const [iso3, weight] of CONFLICT_STATES) {
		const candidates = towns.get(iso3) ?? [];
		const wanted = Math.min(candidates.length, Math.round(weight * 22));
		// Larger towns are likelier, but small ones appear too.
		const ranked = rng
			.shuffle(candidates.map((town) => [town, rng.next() ** (1 / Math.sqrt(town.population + 1000))] as const))
			.sort((x, y) => y[1] - x[1])
			.map(([town]) => town);
		const chosen: Town[] = [];
		for (const town of ranked) {
			if (chosen.length === wanted) break;
			if (onShape(town)) chosen.push(town);
		}
		const entry = { ids: [] as number[], weights: [] as number[] };
		for (const town of chosen) {
			const id = b.nextId('sites');
			const vis = visibility(rng, 0.02, 0.01);
			b.data.sites.push({
				id, name: town.name, country_iso3: iso3, precision: 'town', geom: point(town.lon, town.lat),
				geonames_id: town.geonamesId, visibility: vis, synthetic: true
			});
			visibilityById.set(id, vis);
			entry.ids.push(id);
			entry.weights.push(Math.sqrt(town.population + 1000));
			nameById.set(id, town.name);
			countryById.set(id, iso3);
		}
		byCountry.set(iso3, entry);
	}
	return { byCountry, nameById, countryById, visibilityById };
}

function serial(rng: Random): string {
	const letters = rng.int(0, 2);
	let prefix = '';
	for (let i = 0; i < letters; i++) prefix += String.fromCharCode(65 + rng.int(0, 25));
	return `${prefix}${prefix ? ' ' : ''}${rng.int(10 ** (rng.int(4, 6)), 10 ** 7 - 1)}`;
}

function marking(rng: Random, category: ItemCategory): MarkingState {
	if (category === 'dual_use' || category === 'ied') return rng.weighted([['intact', 40], ['partial', 15], ['none', 45]]);
	if (category === 'related') return rng.weighted([['intact', 60], ['partial', 20], ['none', 20]]);
	return rng.weighted([['intact', 62], ['partial', 20], ['obliterated', 12], ['none', 6]]);
}

export function makeItem(
	b: DatasetBuilder, rng: Random, parties: SyntheticParties, eventId: number, category: ItemCategory, vis: Visibility
): ItemRow {
	const kind = rng.weighted(ITEM_KINDS[category].map((k) => [k, k.weight] as const));
	const [model, calibre] = rng.pick(kind.models);
	const madeIn = rng.weighted(category === 'dual_use' || category === 'ied' ? DUAL_USE_MADE_IN : MADE_IN_WEIGHTS);
	const markingState = marking(rng, category);
	const readable = markingState === 'intact' || markingState === 'partial';
	const companies = madeIn ? parties.companiesByCountry.get(madeIn) : undefined;
	let quantity = 1;
	if (category === 'ammunition') {
		quantity = kind.type === 'small-calibre cartridge' ? Math.min(20000, Math.max(1, Math.round(rng.logNormal(10, 1.3)))) : rng.int(1, 12);
	} else if (category === 'weapon') {
		quantity = rng.chance(0.04) ? rng.int(2, 20) : 1;
	} else {
		quantity = rng.int(1, 6);
	}
	const construction: string[] = [];
	if (category === 'weapon') {
		if (rng.chance(0.02)) construction.push('counterfeit');
		else if (rng.chance(0.01)) construction.push('artisanal_copy');
		if (kind.type === 'pistol' && rng.chance(0.3)) construction.push('polymer');
		if (rng.chance(0.0005)) construction.push('3d_printed');
	}
	return {
		id: b.nextId('items'),
		event_id: eventId,
		category,
		item_type: kind.type,
		model,
		calibre,
		manufacturer_id: companies && readable && rng.chance(0.5) ? rng.pick(companies) : null,
		made_in_iso3: madeIn,
		year_made: null,
		serial_number: category === 'weapon' && readable ? serial(rng) : null,
		lot_number: category === 'ammunition' && readable ? `${rng.int(1, 99)}-${String(rng.int(60, 99)).padStart(2, '0')}` : null,
		factory_code: (category === 'ammunition' || category === 'weapon') && readable && rng.chance(0.6) ? String(rng.int(1, 999)) : null,
		import_mark: category === 'weapon' && readable && rng.chance(0.05) ? `IMP ${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(10, 99)}` : null,
		marking_state: markingState,
		construction,
		construction_notes: null,
		quantity,
		consignment_id: null,
		visibility: vis,
		synthetic: true
	};
}

/** Documentation events spread over conflict states and years, with their items. */
export function addDocumentation(
	b: DatasetBuilder, rng: Random, sites: SiteIndex, parties: SyntheticParties, sourceIds: readonly (readonly [number, number])[], events: number
): void {
	const countryWeights = CONFLICT_STATES.filter(([iso3]) => (sites.byCountry.get(iso3)?.ids.length ?? 0) > 0);
	for (let n = 0; n < events; n++) {
		const iso3 = rng.weighted(countryWeights);
		const country = sites.byCountry.get(iso3)!;
		const siteId = rng.weighted(country.ids.map((id, i) => [id, country.weights[i]] as const));
		const year = rng.weighted(YEAR_WEIGHTS);
		const holderDraw = rng.next();
		const holder = holderDraw < 0.7 ? rng.pick(parties.groupsByCountry.get(iso3)!) : holderDraw < 0.95 ? parties.forcesByCountry.get(iso3)! : null;
		const eventId = b.nextId('documentation_events');
		// An event is never more visible than the site it happened at.
		const siteVisibility = sites.visibilityById.get(siteId)!;
		const verification = rng.weighted([['verified', 80], ['corroborated', 15], ['unverified', 5]] as const);
		// The public sees published, verified evidence: unverified documentation stays a draft.
		const vis = verification === 'unverified' ? 'draft' : siteVisibility === 'public' ? visibility(rng, 0.02, 0.015) : siteVisibility;
		b.data.documentation_events.push({
			id: eventId, site_id: siteId, documented_on: rng.dateBetween(`${year}-01-01`, `${year}-12-31`),
			context: rng.weighted([['recovered', 40], ['seized', 20], ['surrendered', 12], ['cached', 10], ['held', 18]]),
			holding_party_id: holder, source_id: rng.weighted(sourceIds),
			verification,
			notes: null, visibility: vis, synthetic: true
		});
		// Items in one documentation tend to be of one kind: a weapons cache, an IED workshop.
		const theme = rng.weighted(CATEGORY_WEIGHTS);
		const count = 1 + Math.min(40, Math.floor(rng.logNormal(2.2, 0.8)));
		for (let i = 0; i < count; i++) {
			const category = rng.chance(0.6) ? theme : rng.weighted(CATEGORY_WEIGHTS);
			const item = makeItem(b, rng, parties, eventId, category, vis === 'public' ? visibility(rng, 0.01, 0.005) : vis);
			b.data.items.push(item);
			if (rng.chance(0.05)) {
				for (let p = 1; p <= rng.int(1, 2); p++) {
					b.data.item_photos.push({ id: b.nextId('item_photos'), item_id: item.id, uri: `synthetic://photo/item-${item.id}-${p}`, caption: null, position: p });
				}
			}
		}
	}
}
