import { emptyDataset, type DemoDataset, type PartyRow, type SourceRow } from './rows.ts';
import type { PartyKind } from '../../src/lib/domain/vocabulary.ts';

type IdTable = Exclude<
	keyof DemoDataset,
	'trace_request_items' | 'trace_response_factors' | 'transfer_waypoints' | 'case_parties' | 'case_items' | 'case_sites'
>;

/** Collects the data set and hands out ids, so real and synthetic rows can refer to each other. */
export class DatasetBuilder {
	readonly data: DemoDataset = emptyDataset();
	private readonly counters = new Map<IdTable, number>();
	private readonly statesByIso3 = new Map<string, number>();

	nextId(table: IdTable): number {
		const id = (this.counters.get(table) ?? 0) + 1;
		this.counters.set(table, id);
		return id;
	}

	addSource(source: Omit<SourceRow, 'id'>): number {
		const id = this.nextId('sources');
		this.data.sources.push({ id, ...source });
		return id;
	}

	addParty(party: Omit<PartyRow, 'id' | 'red_flag' | 'red_flag_reason' | 'source_id'> & Partial<PartyRow>): number {
		const id = this.nextId('parties');
		this.data.parties.push({ red_flag: false, red_flag_reason: null, source_id: null, ...party, id });
		return id;
	}

	/** The government of a state as a party; one per country, made when first needed. */
	stateParty(iso3: string, name: (iso3: string) => string): number {
		let id = this.statesByIso3.get(iso3);
		if (id === undefined) {
			id = this.addParty({ kind: 'state' as PartyKind, name: name(iso3), country_iso3: iso3, visibility: 'public', synthetic: false });
			this.statesByIso3.set(iso3, id);
		}
		return id;
	}
}
