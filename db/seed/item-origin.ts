// Keeps each synthetic item's model, country of manufacture, manufacturer and year of
// manufacture inside the catalogue's production table. Later steps move items to another
// country (a trace request names the producing state, a consignment its origin); they call
// `refit`, which picks a model that country (and that factory) really made.
import { DISSOLVED_PRODUCERS, ITEM_KINDS, POLYMER_FRAMES, type ItemKind, type Producer, type Product } from './catalogue.ts';
import type { Random } from './random.ts';
import type { ItemRow } from './rows.ts';

/** What a manufacturer party is: a named real factory, or an invented company (name null). */
export interface MakerParty {
	iso3: string;
	name: string | null;
}

export interface MakerIndex {
	/** Party id of each named factory, keyed `${iso3}|${name}`. */
	named: Map<string, number>;
	/** Invented companies by country. */
	invented: Map<string, number[]>;
	byParty: Map<number, MakerParty>;
}

interface Option {
	kind: ItemKind;
	product: Product;
	producer: Producer;
}

/**
 * Counterfeits, artisanal copies and 3D prints bear a model's markings but not its maker's
 * work: no country or manufacturer of the genuine model is theirs (the real Zigana record).
 */
export function isCopy(item: Pick<ItemRow, 'construction'>): boolean {
	return item.construction.some((c) => c === 'counterfeit' || c === 'artisanal_copy' || c === '3d_printed');
}

export function productOf(item: Pick<ItemRow, 'category' | 'item_type' | 'model' | 'calibre'>): Product | undefined {
	const kind = ITEM_KINDS[item.category].find((k) => k.type === item.item_type);
	return kind?.models.find((m) => m.model === item.model && m.calibre === item.calibre);
}

/** Whether a named factory or invented company may be the maker under this producer row. */
function makerAllowed(producer: Producer, maker: MakerParty | null): boolean {
	if (!maker) return true;
	return maker.iso3 === producer.iso3 && (maker.name === null ? producer.maker === null : maker.name === producer.maker);
}

/** Whether the item's origin is one the table holds. */
export function originFits(item: ItemRow, makers: MakerIndex): boolean {
	const product = productOf(item);
	if (!product) return false;
	const maker = item.manufacturer_id === null ? null : makers.byParty.get(item.manufacturer_id) ?? null;
	if (item.made_in_iso3 === null) return maker === null && item.year_made === null;
	if (product.producers === 'anywhere') return maker === null && item.year_made === null;
	return product.producers.some((p) => p.iso3 === item.made_in_iso3 && makerAllowed(p, maker) &&
		(item.year_made === null || (item.year_made >= p.from && item.year_made <= p.to)));
}

function options(item: ItemRow, iso3: string, maker: MakerParty | null, year: number | null): Option[] {
	const out: Option[] = [];
	for (const kind of ITEM_KINDS[item.category]) {
		for (const product of kind.models) {
			if (product.producers === 'anywhere') continue;
			for (const producer of product.producers) {
				if (producer.iso3 !== iso3 || !makerAllowed(producer, maker)) continue;
				if (year !== null && (year < producer.from || year > producer.to)) continue;
				out.push({ kind, product, producer });
			}
		}
	}
	return out;
}

/** Whether anything of this category was made in the country (by this maker, if given). */
export function canMake(category: ItemRow['category'], iso3: string, maker: MakerParty | null = null): boolean {
	return options({ category } as ItemRow, iso3, maker, null).length > 0;
}

/**
 * Gives the item a model made in `iso3` (by its manufacturer, when it has one of that
 * country), in `year` when given: its own model if that fits, else one of the same type,
 * else any of its category. Returns the producer row, or null when the country made nothing
 * of the kind (the item is then left as it was).
 */
export function refit(rng: Random, item: ItemRow, iso3: string, makers: MakerIndex, year: number | null = null): Producer | null {
	if (isCopy(item)) return null;
	let maker = item.manufacturer_id === null ? null : makers.byParty.get(item.manufacturer_id) ?? null;
	if (maker && maker.iso3 !== iso3) maker = null;
	const all = options(item, iso3, maker, year);
	if (all.length === 0) return null;
	const same = all.filter((o) => o.kind.type === item.item_type && o.product.model === item.model && o.product.calibre === item.calibre);
	const sameType = all.filter((o) => o.kind.type === item.item_type);
	const pool = same.length ? same : sameType.length ? sameType : all;
	const chosen = rng.weighted(pool.map((o) => [o, o.product.weight * o.producer.weight] as const));
	item.item_type = chosen.kind.type;
	item.model = chosen.product.model;
	item.calibre = chosen.product.calibre;
	item.made_in_iso3 = iso3;
	const polymer = item.model !== null && POLYMER_FRAMES.has(item.model);
	if (polymer !== item.construction.includes('polymer')) {
		item.construction = polymer ? [...item.construction, 'polymer'] : item.construction.filter((c) => c !== 'polymer');
	}
	if (!maker) item.manufacturer_id = null;
	if (item.year_made !== null && (item.year_made < chosen.producer.from || item.year_made > chosen.producer.to)) item.year_made = null;
	return chosen.producer;
}

/** Names the factory or an invented company of the producer's country as the item's maker. */
export function assignMaker(rng: Random, item: ItemRow, producer: Producer, makers: MakerIndex): void {
	if (producer.maker) {
		item.manufacturer_id = makers.named.get(`${producer.iso3}|${producer.maker}`) ?? null;
	} else {
		const invented = makers.invented.get(producer.iso3);
		item.manufacturer_id = invented?.length ? rng.pick(invented) : null;
	}
}

/**
 * Moves the item to `iso3` as its producing state; failing that (the country made nothing of
 * the kind), to the state it succeeded, whose stocks it holds. Returns the producer row or
 * null when neither made anything of the kind.
 */
export function refitToProducerOrPredecessor(rng: Random, item: ItemRow, iso3: string, makers: MakerIndex): Producer | null {
	const direct = refit(rng, item, iso3, makers);
	if (direct) return direct;
	const predecessor = DISSOLVED_PRODUCERS[iso3];
	return predecessor ? refit(rng, item, predecessor, makers) : null;
}

/**
 * Brings every synthetic item back into the table after a step that set countries without
 * looking at models (a consignment's origin): a model of that country, else of the state it
 * succeeded, else the item keeps the origin it had before (the consignment re-exported it).
 */
export function keepOriginsInCatalogue(items: ItemRow[], rng: Random, makers: MakerIndex, madeInBefore: Map<number, string | null>): void {
	for (const item of items) {
		if (!item.synthetic) continue;
		if (isCopy(item)) {
			item.made_in_iso3 = null;
			item.manufacturer_id = null;
			continue;
		}
		if (originFits(item, makers)) continue;
		const product = productOf(item);
		if (product?.producers === 'anywhere') {
			item.manufacturer_id = null;
			continue;
		}
		if (item.made_in_iso3 && refitToProducerOrPredecessor(rng, item, item.made_in_iso3, makers)) continue;
		item.made_in_iso3 = madeInBefore.get(item.id) ?? null;
		if (!originFits(item, makers)) {
			item.made_in_iso3 = null;
			item.manufacturer_id = null;
		}
	}
}
