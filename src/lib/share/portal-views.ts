// Which addresses are views of the portal, and the explorer parameters that embed each one.
// A view is something a reader can cite and embed: the explorer (`/`, and `/embed` itself,
// whose parameters are the explorer's), and the record pages that are a map of their own
// records: a case, a consignment, a country and a party that holds or makes materiel. An
// item record is a view to link and cite, but not to embed: its map would be the whole base.
import { parseViewState, serialiseViewState } from '$lib/explorer/view-state.ts';

export type PortalView =
	| { kind: 'explorer'; params: URLSearchParams }
	| { kind: 'case' | 'consignment' | 'party' | 'item'; id: number }
	| { kind: 'country'; iso3: string };

const RECORD_PATH = /^\/(cases|consignments|parties|items)\/(\d{1,10})$/;
const RECORD_KIND = { cases: 'case', consignments: 'consignment', parties: 'party', items: 'item' } as const;
const COUNTRY_PATH = /^\/countries\/([A-Z]{3})$/;
const MAX_ID = 2_147_483_647;

/** The view at `url` if it is one of this portal's (same origin), else null. */
export function portalViewOf(url: URL, origin: string): PortalView | null {
	if (url.origin !== origin) return null;
	const path = url.pathname.replace(/\/$/, '') || '/';
	if (path === '/' || path === '/embed') return { kind: 'explorer', params: explorerParams(url.searchParams) };
	const record = RECORD_PATH.exec(path);
	if (record) {
		const id = Number(record[2]);
		return id >= 1 && id <= MAX_ID ? { kind: RECORD_KIND[record[1] as keyof typeof RECORD_KIND], id } : null;
	}
	const country = COUNTRY_PATH.exec(path);
	return country ? { kind: 'country', iso3: country[1]! } : null;
}

// Carried beside the view: its language, and the data release a citable link pins
// (`release=N`, read by the releases module), so an embed of a pinned view stays pinned.
const CARRIED = ['lang', 'release'] as const;

/**
 * The explorer's own parameters (with the language and release pin) of a query, written as
 * the explorer writes them (canonical Filter first), so one view has one embed code: embed
 * options and anything else dropped.
 */
export function explorerParams(query: URLSearchParams): URLSearchParams {
	const carried = new URLSearchParams();
	for (const key of CARRIED) {
		const value = query.get(key);
		if (value !== null) carried.set(key, value);
	}
	return new URLSearchParams(serialiseViewState(parseViewState(query), carried));
}

/** Party kinds a map can show: the materiel a force held or a maker made. */
const PARTY_FILTER = { armed_group: 'group', state_force: 'group', manufacturer: 'manufacturer' } as const;

/**
 * The explorer parameters that show a record's own map, as its page's "on the map" link does;
 * null for a record with no map of its own (an item, a broker, a state, a company).
 */
export function recordMapParams(view: Exclude<PortalView, { kind: 'explorer' }>, partyKind?: string): URLSearchParams | null {
	switch (view.kind) {
		case 'case':
			return new URLSearchParams({ case: String(view.id) });
		case 'consignment':
			return new URLSearchParams({ consignment: String(view.id) });
		case 'country':
			return new URLSearchParams({ country: view.iso3 });
		case 'party': {
			const key = PARTY_FILTER[partyKind as keyof typeof PARTY_FILTER];
			return key ? new URLSearchParams({ [key]: String(view.id) }) : null;
		}
		case 'item':
			return null;
	}
}

/**
 * The explorer parameters of the map the page at `url` shows or stands for (null: nothing to
 * embed). A party page says its kind, which decides whether it has a map.
 */
export function mapParamsOfPage(url: URL, partyKind?: string): URLSearchParams | null {
	const view = portalViewOf(url, url.origin);
	if (!view) return null;
	return view.kind === 'explorer' ? view.params : recordMapParams(view, partyKind);
}
