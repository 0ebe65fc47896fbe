import { z } from 'zod';
import { publishVisibilities, reviewKinds, reviewStates } from '$lib/api/review.ts';
import type { ReviewQuery } from './review-queue.ts';

// The queue's address (/admin/review?state=&kind=&country=&q=) and the actions' form fields,
// each checked by one schema so a bad value is a 400 naming its field.
const queueSchema = z.object({
	state: z.enum(reviewStates).default('verified'),
	kind: z.enum(reviewKinds).nullable().default(null),
	country: z.string().regex(/^[A-Za-z]{3}$/).transform((code) => code.toUpperCase()).nullable().default(null),
	q: z.string().trim().max(200).transform((text) => (text === '' ? null : text)).nullable().default(null)
});

const selectionSchema = z.object({
	kind: z.enum(reviewKinds),
	ids: z.array(z.coerce.number().int().positive().max(2_147_483_647)).min(1).max(500)
});

const summarySchema = z.string().trim().min(1).max(500);

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string };

function parsed<T>(result: z.ZodSafeParseResult<T>): Parsed<T> {
	if (result.success) return { ok: true, value: result.data };
	return { ok: false, field: String(result.error.issues[0]?.path[0] ?? 'query') };
}

function single(params: URLSearchParams | FormData, key: string): string | undefined {
	const value = params.get(key);
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parseReviewQuery(params: URLSearchParams): Parsed<ReviewQuery> {
	return parsed(queueSchema.safeParse({
		state: single(params, 'state'), kind: single(params, 'kind'), country: single(params, 'country'), q: single(params, 'q')
	}));
}

/** The records a form acts on: `kind` and one or more `id` fields (one per ticked row). */
export function parseSelection(form: FormData) {
	return parsed(selectionSchema.safeParse({ kind: single(form, 'kind'), ids: form.getAll('id') }));
}

export function parseVisibility(form: FormData) {
	const result = z.enum(publishVisibilities).safeParse(single(form, 'visibility'));
	return result.success ? ({ ok: true, value: result.data } as const) : ({ ok: false, field: 'visibility' } as const);
}

/** The release summary the editor typed (the page prefills it). */
export function parseSummary(form: FormData) {
	const result = summarySchema.safeParse(single(form, 'summary') ?? '');
	return result.success ? ({ ok: true, value: result.data } as const) : ({ ok: false, field: 'summary' } as const);
}
