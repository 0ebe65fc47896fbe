// Synthetic field documentation: parties, recovery sites on real towns, documentation
// events and the items documented at them.
import type { DatasetBuilder } from './builder.ts';
import {
	CATEGORY_WEIGHTS, DUAL_USE_ORIGIN_UNKNOWN_SHARE, ISLAMIC_STATE_AREAS, ITEM_KINDS, NAME_PARTS, ORIGIN_UNKNOWN_SHARE,
	PACKING_COUNTRIES, POLYMER_FRAMES, inIslamicStateArea
} from './catalogue.ts';
import { COMPANY_COUNTRIES } from './calibration.ts';
import { assignMaker, isCopy, type MakerIndex } from './item-origin.ts';
import type { Random } from './random.ts';
import { CONFLICT_STATES, distanceKm, foldPlaceName, type Town } from './reference.ts';
import { point, type ItemRow } from './rows.ts';
import type { ConstructionNote, ItemCategory, MarkingState, Visibility } from '../../src/lib/domain/vocabulary.ts';

export interface SyntheticParties {
	/** Every manufacturer party of a country: named factories and invented companies. */
	companiesByCountry: Map<string, number[]>;
	makers: MakerIndex;
	groupsByCountry: Map<string, number[]>;
	forcesByCountry: Map<string, number>;
	brokers: number[];
	/** The real records' Islamic State party, which also holds synthetic materiel. */
	islamicState: number | null;
}

/**
 * Two sites of one country closer than this are one town (GeoNames lists some twice). The
 * check allows 1 % for the sphere the generator measures on against PostGIS's spheroid.
 */
export const SAME_TOWN_KM = 5;

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
	const makers: MakerIndex = { named: new Map(), invented: new Map(), byParty: new Map() };
	const add = (iso3: string, id: number) => companiesByCountry.set(iso3, [...(companiesByCountry.get(iso3) ?? []), id]);
	// Named factories: the real records' party where there is one (FN Herstal, Cugir, Girsan),
	// else a synthetic party under the factory's real name.
	const real = new Map(b.data.parties.filter((p) => !p.synthetic && p.kind === 'manufacturer').map((p) => [`${p.country_iso3}|${p.name}`, p.id]));
	for (const kinds of Object.values(ITEM_KINDS)) for (const kind of kinds) for (const product of kind.models) {
		if (product.producers === 'anywhere') continue;
		for (const { iso3, maker } of product.producers) {
			const key = `${iso3}|${maker}`;
			if (!maker || makers.named.has(key)) continue;
			const id = real.get(key) ?? b.addParty({ kind: 'manufacturer', name: maker, country_iso3: iso3, visibility: 'public', synthetic: true });
			makers.named.set(key, id);
			makers.byParty.set(id, { iso3, name: maker });
			add(iso3, id);
		}
	}
	for (const [iso3] of COMPANY_COUNTRIES) {
		const ids: number[] = [];
		for (let i = rng.int(2, 5); i > 0; i--) {
			const name = uniqueName(() => `${rng.pick(NAME_PARTS.companyStems)} ${rng.pick(NAME_PARTS.companySuffixes)}`);
			const id = b.addParty({ kind: 'manufacturer', name, country_iso3: iso3, visibility: 'public', synthetic: true });
			ids.push(id);
			makers.byParty.set(id, { iso3, name: null });
			add(iso3, id);
		}
		makers.invented.set(iso3, ids);
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
	// Red flags are set once the cases exist (red-flags.ts), so each reason holds in the data.
	const brokers: number[] = [];
	for (const iso3 of ['ARE', 'TUR', 'CYP', 'BGR', 'UKR', 'SDN', 'UGA', 'KEN', 'EGY', 'SRB', 'LBN', 'OMN']) {
		const name = uniqueName(() => `${rng.pick(NAME_PARTS.companyStems)} ${rng.pick(NAME_PARTS.brokerSuffixes)}`);
		brokers.push(b.addParty({ kind: 'broker', name, country_iso3: iso3, visibility: 'public', synthetic: true }));
	}
	const islamicState = b.data.parties.find((p) => !p.synthetic && p.kind === 'armed_group' && p.name === 'Islamic State')?.id ?? null;
	return { companiesByCountry, makers, groupsByCountry, forcesByCountry, brokers, islamicState };
}

export interface SiteIndex {
	byCountry: Map<string, { ids: number[]; weights: number[] }>;
	pointById: Map<number, readonly [number, number]>;
	nameById: Map<number, string>;
	countryById: Map<number, string>;
	visibilityById: Map<number, Visibility>;
}

/**
 * One town, one site: GeoNames lists some towns twice under transliteration twins (Tikrit
 * and Tikrīt, Zaxo and Zaxu), a few km apart or at the same point. Keeps the larger of any
 * two towns of a country closer than SAME_TOWN_KM or with the same folded name, and drops
 * towns where a published record already has a site.
 */
export function distinctTowns(towns: readonly Town[], taken: readonly { name: string; lon: number; lat: number }[]): Town[] {
	const kept: Town[] = [];
	const names = new Set(taken.map((t) => foldPlaceName(t.name)));
	const near = (town: Town, other: { lon: number; lat: number }) =>
		Math.abs(town.lat - other.lat) < 0.1 && distanceKm(town.lon, town.lat, other.lon, other.lat) < SAME_TOWN_KM * 1.01;
	for (const town of [...towns].sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId)) {
		const folded = foldPlaceName(town.name);
		if (names.has(folded) || taken.some((t) => near(town, t)) || kept.some((t) => near(town, t))) continue;
		names.add(folded);
		kept.push(town);
	}
	return kept;
}

/** One site per chosen real town, more of them where field work weighs more. */
export function addSites(b: DatasetBuilder, rng: Random, towns: Map<string, Town[]>, onShape: (town: Town) => boolean): SiteIndex {
	const byCountry = new Map<string, { ids: number[]; weights: number[] }>();
	const pointById = new Map<number, readonly [number, number]>();
	const realSites = b.data.sites.filter((s) => !s.synthetic).map((s) => {
		const [lon, lat] = s.geom.replace(/^.*POINT\(/, '').replace(')', '').split(' ').map(Number);
		return { iso3: s.country_iso3, name: s.name, lon, lat };
	});
	const nameById = new Map<number, string>();
	const countryById = new Map<number, string>();
	const visibilityById = new Map<number, Visibility>();
	for (const [iso3, weight] of CONFLICT_STATES) {
		const candidates = distinctTowns(towns.get(iso3) ?? [], realSites.filter((s) => s.iso3 === iso3));
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
			pointById.set(id, [town.lon, town.lat]);
		}
		byCountry.set(iso3, entry);
	}
	return { byCountry, pointById, nameById, countryById, visibilityById };
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
	const product = rng.weighted(kind.models.map((m) => [m, m.weight] as const));
	const { model, calibre } = product;
	const armament = category === 'weapon' || category === 'ammunition';
	const producer = product.producers === 'anywhere' || product.producers.length === 0 ||
		rng.chance(armament ? ORIGIN_UNKNOWN_SHARE : DUAL_USE_ORIGIN_UNKNOWN_SHARE)
		? null
		: rng.weighted(product.producers.map((p) => [p, p.weight] as const));
	const madeIn = producer ? producer.iso3 : product.producers === 'anywhere' ? rng.weighted(PACKING_COUNTRIES) : null;
	const markingState = marking(rng, category);
	const readable = markingState === 'intact' || markingState === 'partial';
	let quantity = 1;
	if (category === 'ammunition') {
		quantity = kind.type === 'small-calibre cartridge' ? Math.min(20000, Math.max(1, Math.round(rng.logNormal(10, 1.3)))) : rng.int(1, 12);
	} else if (category === 'weapon') {
		quantity = rng.chance(0.04) ? rng.int(2, 20) : 1;
	} else {
		quantity = rng.int(1, 6);
	}
	const construction: ConstructionNote[] = [];
	if (category === 'weapon') {
		if (rng.chance(0.02)) construction.push('counterfeit');
		else if (rng.chance(0.01)) construction.push('artisanal_copy');
		if (model && POLYMER_FRAMES.has(model)) construction.push('polymer');
		if (rng.chance(0.0005)) construction.push('3d_printed');
	}
	const item: ItemRow = {
		id: b.nextId('items'),
		event_id: eventId,
		category,
		item_type: kind.type,
		model,
		calibre,
		manufacturer_id: null,
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
	// A maker is named for weapons and ammunition whose markings can be read; a copy has none.
	if (isCopy(item)) item.made_in_iso3 = null;
	else if (producer && armament && readable && rng.chance(0.5)) assignMaker(rng, item, producer, parties.makers);
	return item;
}

/** Documentation events spread over conflict states and years, with their items. */
export function addDocumentation(
	b: DatasetBuilder, rng: Random, sites: SiteIndex, parties: SyntheticParties, sourceIds: readonly (readonly [number, number])[], events: number
): void {
	const countryWeights = CONFLICT_STATES.filter(([iso3]) => (sites.byCountry.get(iso3)?.ids.length ?? 0) > 0);
	const islamicStateSites = new Map(Object.keys(ISLAMIC_STATE_AREAS).map((iso3) => {
		const { ids, weights } = sites.byCountry.get(iso3) ?? { ids: [], weights: [] };
		const inside = ids.map((id, i) => [id, weights[i]] as const).filter(([id]) => inIslamicStateArea(iso3, ...sites.pointById.get(id)!));
		return [iso3, { ids: inside.map(([id]) => id), weights: inside.map(([, w]) => w) }];
	}));
	for (let n = 0; n < events; n++) {
		const iso3 = rng.weighted(countryWeights);
		const country = sites.byCountry.get(iso3)!;
		const year = rng.weighted(YEAR_WEIGHTS);
		// Islamic State holds much of what is documented where and while it held ground.
		const area = ISLAMIC_STATE_AREAS[iso3];
		const held = parties.islamicState !== null && area !== undefined && year >= area.years[0] && year <= area.years[1] &&
			(islamicStateSites.get(iso3)?.ids.length ?? 0) > 0 && rng.chance(area.share);
		const from = held ? islamicStateSites.get(iso3)! : country;
		const siteId = rng.weighted(from.ids.map((id, i) => [id, from.weights[i]] as const));
		const holderDraw = rng.next();
		const holder = held ? parties.islamicState : holderDraw < 0.7 ? rng.pick(parties.groupsByCountry.get(iso3)!) : holderDraw < 0.95 ? parties.forcesByCountry.get(iso3)! : null;
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
