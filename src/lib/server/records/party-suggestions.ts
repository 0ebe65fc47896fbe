import type { PartyRole, PartySuggestion, PartySuggestions } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import suggestionsSql from './party-suggestions.sql?raw';
import { MAX_ID } from '$lib/filter/filter-schema.ts';

const suggestionsQuery = sqlTemplate(suggestionsSql);

export const PARTY_ROLES: readonly PartyRole[] = ['manufacturer', 'group'];
export const SUGGESTIONS_DEFAULT_LIMIT = 10;
export const SUGGESTIONS_MAX_LIMIT = 50;

export interface SuggestionQuery {
	role: PartyRole;
	query: string;
	limit: number;
	/** Parties to name by id (restoring chosen ones from a link); empty for a text search. */
	ids: number[];
}

export type SuggestionQueryCheck = { ok: true; query: SuggestionQuery } | { ok: false; error: string; field: 'q' | 'role' | 'limit' | 'ids' };

/** `q` (any text, at most 100 characters), `role` (required), `limit` (1–50, default 10), `ids` (up to 50). */
export function parseSuggestionQuery(params: URLSearchParams): SuggestionQueryCheck {
	const query = (params.get('q') ?? '').trim();
	if (query.length > 100) return { ok: false, field: 'q', error: 'q: at most 100 characters' };
	// PostgreSQL text cannot hold NUL, and no party name holds a control character.
	if (/[\u0000-\u001f\u007f]/.test(query)) return { ok: false, field: 'q', error: 'q: contains a control character' };
	const role = params.get('role');
	if (!PARTY_ROLES.includes(role as PartyRole)) {
		return { ok: false, field: 'role', error: `role: one of ${PARTY_ROLES.join(', ')}` };
	}
	const limitText = params.get('limit');
	const limit = limitText === null || limitText === '' ? SUGGESTIONS_DEFAULT_LIMIT : Number(limitText);
	if (!/^\d*$/.test(limitText ?? '') || !Number.isInteger(limit) || limit < 1 || limit > SUGGESTIONS_MAX_LIMIT) {
		return { ok: false, field: 'limit', error: `limit: a whole number from 1 to ${SUGGESTIONS_MAX_LIMIT}` };
	}
	const idsText = params.get('ids') ?? '';
	if (!/^(\d{1,10}(,\d{1,10}){0,49})?$/.test(idsText)) return { ok: false, field: 'ids', error: 'ids: up to 50 comma-separated party ids' };
	const ids = idsText ? idsText.split(',').map(Number) : [];
	// Party ids are PostgreSQL integers: a larger number names no party and cannot be bound.
	if (ids.some((id) => id < 1 || id > MAX_ID)) return { ok: false, field: 'ids', error: `ids: each a whole number from 1 to ${MAX_ID}` };
	return { ok: true, query: { role: role as PartyRole, query, limit: Math.max(limit, ids.length), ids } };
}

/** Manufacturers or armed groups whose name contains the text, most visible items first. */
export async function suggestParties(tx: Queryable, { role, query, limit, ids }: SuggestionQuery): Promise<PartySuggestions> {
	const rows = await suggestionsQuery<PartySuggestion>(tx, { role, query, limit, ids: `{${ids.join(',')}}` });
	return { role, query, parties: rows.map((row) => ({ ...row })) };
}
