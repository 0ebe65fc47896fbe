// Red flags on synthetic brokers, set only where the data bears the reason out: a broker that
// received consignments whose materiel ended up in diversion cases is named in those cases as
// an intermediary, and one named in more than one public case may carry a flag that says so.
import type { DatasetBuilder } from './builder.ts';
import type { Random } from './random.ts';

/** Share of qualifying brokers that are flagged: a flag is an editorial call, not automatic. */
const FLAGGED_SHARE = 0.5;

export function redFlagReason(publicCases: number): string {
	return `Synthetic example: named as an intermediary in ${publicCases} public diversion cases, through consignments it received.`;
}

export function flagIntermediaries(b: DatasetBuilder, rng: Random, brokers: readonly number[]): void {
	const data = b.data;
	const isBroker = new Set(brokers);
	const casesOfItem = new Map<number, number[]>();
	for (const link of data.case_items) casesOfItem.set(link.item_id, [...(casesOfItem.get(link.item_id) ?? []), link.case_id]);
	const casesOfConsignment = new Map<number, Set<number>>();
	for (const item of data.items) {
		if (item.consignment_id === null) continue;
		const set = casesOfConsignment.get(item.consignment_id) ?? new Set<number>();
		for (const caseId of casesOfItem.get(item.id) ?? []) set.add(caseId);
		casesOfConsignment.set(item.consignment_id, set);
	}
	const casesOfBroker = new Map<number, Set<number>>();
	for (const transfer of data.transfers) {
		if (!isBroker.has(transfer.to_party_id) || transfer.consignment_id === null) continue;
		const set = casesOfBroker.get(transfer.to_party_id) ?? new Set<number>();
		for (const caseId of casesOfConsignment.get(transfer.consignment_id) ?? []) set.add(caseId);
		casesOfBroker.set(transfer.to_party_id, set);
	}
	const listed = new Set(data.case_parties.map((p) => `${p.case_id}|${p.party_id}|${p.role}`));
	const caseVisibility = new Map(data.diversion_cases.map((c) => [c.id, c.visibility]));
	const partyById = new Map(data.parties.map((p) => [p.id, p]));
	for (const broker of brokers) {
		const cases = [...(casesOfBroker.get(broker) ?? [])].sort((x, y) => x - y);
		for (const caseId of cases) {
			if (listed.has(`${caseId}|${broker}|intermediary`)) continue;
			data.case_parties.push({ case_id: caseId, party_id: broker, role: 'intermediary' });
		}
		const publicCases = cases.filter((id) => caseVisibility.get(id) === 'public').length;
		const party = partyById.get(broker)!;
		const flagged = publicCases >= 2 && rng.chance(FLAGGED_SHARE);
		party.red_flag = flagged;
		party.red_flag_reason = flagged ? redFlagReason(publicCases) : null;
	}
}
