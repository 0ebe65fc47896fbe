import { json } from '@sveltejs/kit';

/** The 4xx every endpoint answers for input it cannot use: what is wrong, and which field. */
export function badRequest(error: string, field: string, status: 400 | 404 | 501 = 400): Response {
	return json({ error, field }, { status, headers: { 'cache-control': 'no-store' } });
}
