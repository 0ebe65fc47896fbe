import type { PartyRole, PartySuggestion, PartySuggestions } from '$lib/records-types.ts';
import { runSqlFile, type Queryable } from '../sql-file.ts';
import suggestionsSql from './party-suggestions.sql?raw';

export const PARTY_ROLES: readonly PartyRole[] = ['manufacturer', 'group'];
export const SUGGESTIONS_DEFAULT_LIMIT = 10;
export const SUGGESTIONS_MAX_LIMIT = 50;

export interface SuggestionQuery {
	role: PartyRole;
	query: string;
	limit: number;
}

export type SuggestionQueryCheck = { ok: true; query: SuggestionQuery } | { ok: false; error: string; field: 'q' | 'role' | 'limit' };

/** `q` (any text, at most 100 characters), `role` (required) and `limit` (1–50, default 10). */
export function parseSuggestionQuery(params: URLSearchParams): SuggestionQueryCheck {
	const query = (params.get('q') ?? '').trim();
	if (query.length > 100) return { ok: false, field: 'q', error: 'q: at most 100 characters' };
	const role = params.get('role');
	if (!PARTY_ROLES.includes(role as PartyRole)) {
		return { ok: false, field: 'role', error: `role: one of ${PARTY_ROLES.join(', ')}` };
	}
	const limitText = params.get('limit');
	const limit = limitText === null || limitText === '' ? SUGGESTIONS_DEFAULT_LIMIT : Number(limitText);
	if (!/^\d*$/.test(limitText ?? '') || !Number.isInteger(limit) || limit < 1 || limit > SUGGESTIONS_MAX_LIMIT) {
		return { ok: false, field: 'limit', error: `limit: a whole number from 1 to ${SUGGESTIONS_MAX_LIMIT}` };
	}
	return { ok: true, query: { role: role as PartyRole, query, limit } };
}

/** Manufacturers or armed groups whose name contains the text, most visible items first. */
export async function suggestParties(tx: Queryable, { role, query, limit }: SuggestionQuery): Promise<PartySuggestions> {
	const rows = await runSqlFile<PartySuggestion>(tx, suggestionsSql, [role, query, limit]);
	return { role, query, parties: rows.map((row) => ({ ...row })) };
}
