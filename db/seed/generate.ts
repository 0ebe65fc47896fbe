import { DatasetBuilder } from './builder.ts';
import { addCases, addRepliesToResponses } from './cases.ts';
import { addDocumentation, addSites, addSyntheticParties } from './documentation.ts';
import { addRealRecords } from './real-records.ts';
import { Random } from './random.ts';
import { CONFLICT_STATES, loadCountries, loadTowns, onCountryShape, type CountryRow, type Town } from './reference.ts';
import type { DemoDataset } from './rows.ts';
import { addSupplyChains } from './supply-chain.ts';
import { planTraces } from './trace-plan.ts';
import { addTraces } from './traces.ts';
import { assignYearsOfManufacture } from './weapon-ages.ts';
import { keepOriginsInCatalogue } from './item-origin.ts';
import { flagIntermediaries } from './red-flags.ts';

export const DEFAULT_SEED = 20201201;
/** Documentation events at scale 1: about 95,000 item records and 700,000 units. */
const EVENTS_PER_SCALE = 25_000;

export interface GenerateOptions {
	seed?: number;
	/** Multiplies the documentation volume; the calibrated trace figures stay as they are. */
	scale?: number;
	onStep?: (step: string) => void;
}

export interface GeneratedData {
	countries: CountryRow[];
	data: DemoDataset;
}

export function generateDemoData({ seed = DEFAULT_SEED, scale = 1, onStep = () => {} }: GenerateOptions = {}): GeneratedData {
	if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new Error('scale must be a whole number from 1 to 100');
	onStep('reference data (UN M49, Natural Earth, GeoNames towns)');
	const countries = loadCountries();
	const names = new Map(countries.map((c) => [c.iso3, c.name]));
	const countryName = (iso3: string) => names.get(iso3) ?? iso3;
	const towns = loadTowns(countries.map((c) => c.iso3), countries);
	const capitals = new Map<string, Town>();
	for (const [iso3, list] of towns) if (list.length) capitals.set(iso3, list[0]);

	const rng = new Random(seed);
	const b = new DatasetBuilder();
	const stateParty = (iso3: string) => b.stateParty(iso3, (c) => `Government of ${countryName(c)}`);

	onStep('published case records');
	const fixed = addRealRecords(b, countryName);

	onStep('parties, sites and documentation');
	const sources = [
		b.addSource({ kind: 'field_team', name: 'Field investigation team (synthetic)', citation: null, url: null, synthetic: true }),
		b.addSource({ kind: 'un_panel', name: 'UN panel of experts (synthetic)', citation: null, url: null, synthetic: true }),
		b.addSource({ kind: 'national_authority', name: 'National authority (synthetic)', citation: null, url: null, synthetic: true }),
		b.addSource({ kind: 'news_organisation', name: 'News organisation (synthetic)', citation: null, url: null, synthetic: true })
	];
	const parties = addSyntheticParties(b, rng, countryName);
	// GeoNames files some towns under a country whose map shape does not hold them (Crimea is
	// drawn in Russia in Natural Earth's data): a recovery site must sit inside its country.
	const conflictTowns = new Map(CONFLICT_STATES.map(([iso3]) => [iso3, towns.get(iso3) ?? []]));
	const sites = addSites(b, rng, conflictTowns, onCountryShape(countries));
	addDocumentation(b, rng, sites, parties, [[sources[0], 70], [sources[1], 15], [sources[2], 10], [sources[3], 5]], EVENTS_PER_SCALE * scale);

	onStep('trace requests and responses (calibrated to 2015-2019)');
	addTraces({ b, rng, parties, stateParty }, planTraces(rng, fixed));

	onStep('consignments, routes and diversion cases');
	const madeInBefore = new Map(b.data.items.map((i) => [i.id, i.made_in_iso3]));
	addSupplyChains(b, rng, parties, capitals, stateParty, 450);
	// A consignment's documents give its items their origin: they become models that country made.
	keepOriginsInCatalogue(b.data.items, rng, parties.makers, madeInBefore);
	// Years last, once every item's country and factory are settled.
	assignYearsOfManufacture(b.data, rng, parties.makers);
	addCases(b, rng, 0.68);
	flagIntermediaries(b, rng, parties.brokers);
	addRepliesToResponses(b, rng, 60);
	return { countries, data: b.data };
}
