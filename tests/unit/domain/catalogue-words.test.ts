// Each domain word has exactly one catalogue entry per language, in its own namespace
// (domain.<list>.<word>), and no other area of the catalogue translates it again: a second
// copy is how "Dossier" and "Cas", "Lot expédié" and "Envoi" came to name one thing.
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../src/lib/i18n/translate.ts';
import { locales } from '../../../src/lib/i18n/locales.ts';
import * as vocabulary from '../../../src/lib/domain/vocabulary.ts';

/** The word lists a reader sees, by catalogue namespace. */
const NAMESPACES: Record<string, readonly string[]> = {
	category: vocabulary.ITEM_CATEGORIES,
	response: vocabulary.RESPONSE_FILTERS,
	marking: vocabulary.MARKING_STATES,
	context: vocabulary.DOCUMENTATION_CONTEXTS,
	verification: vocabulary.VERIFICATION_STATES,
	mechanism: vocabulary.DIVERSION_MECHANISMS,
	factor: vocabulary.TRACE_FACTOR_CODES,
	factorKind: vocabulary.TRACE_FACTOR_KINDS,
	failure: vocabulary.TRACE_FAILURES,
	requestKind: vocabulary.TRACE_REQUEST_KINDS,
	partyKind: vocabulary.PARTY_KINDS,
	caseRole: vocabulary.CASE_PARTY_ROLES,
	routeStatus: vocabulary.ROUTE_STATUSES,
	recordKind: vocabulary.RECORD_KINDS
};
/** Names the duplicated copies went by before the domain namespace (explorer.category.*, records.class.*, ...). */
const FORMER_NAMES = ['category', 'class', 'response', 'marking', 'context', 'verification', 'mechanism', 'factor', 'factorKind', 'kind', 'failure', 'requestKind', 'partyKind', 'role', 'routeStatus'];

describe.each(locales)('the %s catalogue', (locale) => {
	const keys = Object.keys(catalogues[locale]);
	const message = (key: string) => (catalogues[locale] as Record<string, string>)[key];

	it.each(Object.entries(NAMESPACES))('holds domain.%s.* for exactly the vocabulary’s words', (namespace, words) => {
		const prefix = `domain.${namespace}.`;
		expect(keys.filter((key) => key.startsWith(prefix)).sort()).toEqual(words.map((word) => prefix + word).sort());
		for (const word of words) expect(message(prefix + word).trim()).not.toBe('');
	});

	it('translates no domain word outside the domain namespace', () => {
		const words = new Set(Object.values(NAMESPACES).flat());
		const copies = keys.filter((key) => {
			const parts = key.split('.');
			return parts[0] !== 'domain' && words.has(parts.at(-1)!) && FORMER_NAMES.includes(parts.at(-2)!);
		});
		expect(copies).toEqual([]);
	});

	it('names a diversion case and a consignment once each', () => {
		expect(message('domain.case').trim()).not.toBe('');
		expect(message('domain.consignment').trim()).not.toBe('');
	});
});

describe('the French catalogue', () => {
	const messages = Object.values(catalogues.fr as Record<string, string>);

	// A case is "cas de détournement" and a consignment "envoi" everywhere: "dossier" reads as
	// a file or record, and "lot" is already the manufacturer's production lot (numéro de lot).
	it('calls a case "cas", never "dossier"', () => {
		expect(catalogues.fr['domain.case']).toBe('Cas de détournement');
		expect(messages.filter((text) => /dossier/i.test(text))).toEqual([]);
	});

	it('calls a consignment "envoi", never "lot expédié"', () => {
		expect(catalogues.fr['domain.consignment']).toBe('Envoi');
		expect(messages.filter((text) => /lot expédié|lots expédiés/i.test(text))).toEqual([]);
	});
});
