import { z } from 'zod';

export const MAX_PAGE = 5000;

const number = z.string().regex(/^-?\d+(\.\d+)?$/, 'a number').transform(Number);

const pageSchema = z.object({
	limit: z.string().regex(/^\d{1,5}$/, `a whole number from 1 to ${MAX_PAGE}`).transform(Number).pipe(z.number().int().min(1, `a whole number from 1 to ${MAX_PAGE}`).max(MAX_PAGE, `a whole number from 1 to ${MAX_PAGE}`)).optional(),
	offset: z.string().regex(/^\d{1,9}$/, 'a whole number from 0 to 999999999').transform(Number).optional(),
	bbox: z
		.string()
		.transform((text) => text.split(','))
		.pipe(z.tuple([number, number, number, number], { message: 'minLon,minLat,maxLon,maxLat' }))
		.refine(([w, s, e, n]) => w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n, 'minLon,minLat,maxLon,maxLat within -180..180 and -90..90, min below max')
		.optional()
});

export interface Page {
	limit: number;
	offset: number;
	bbox: [number, number, number, number] | null;
}

export type PageResult = { ok: true; page: Page } | { ok: false; error: string; field: string };

const PAGE_KEYS = ['limit', 'offset', 'bbox'] as const;

/** limit (1-5000, default 1000), offset and bbox of a GeoJSON request (or only the `keys` asked for): never unbounded. */
export function parsePage(params: URLSearchParams, defaultLimit = 1000, keys: readonly (typeof PAGE_KEYS)[number][] = PAGE_KEYS): PageResult {
	const raw = Object.fromEntries(keys.filter((k) => params.has(k)).map((k) => [k, params.get(k)!]));
	const parsed = pageSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = String(issue.path[0] ?? 'page');
		return { ok: false, field, error: `${field}: ${issue.message}` };
	}
	const { limit = defaultLimit, offset = 0, bbox } = parsed.data;
	return { ok: true, page: { limit, offset, bbox: bbox ?? null } };
}
