import { LRUCache } from 'lru-cache';
import { cacheKeyFor } from '../http/answer-cache.ts';
import { sqlTemplate } from '../sql-template.ts';
import { anonymousViewer, withViewer } from '../viewer.ts';
import keepAnswerSql from './keep-answer.sql?raw';
import pinnedAnswerSql from './pinned-answer.sql?raw';

/** A public answer as release N gave it, kept for links pinned to N (migration 024). */
export interface KeptAnswer {
	status: 200 | 204;
	contentType: string | null;
	contentDisposition: string | null;
	/** The body as the endpoint sent it, gzip-compressed (empty for a 204). */
	gzipped: Uint8Array;
	etag: string;
}

/** What a pinned request can be answered with. */
export type PinnedLookup =
	| { kind: 'kept'; answer: KeptAnswer }
	// The release's public data is still the current one: answer live and keep the answer,
	// if the app's data version in memory is this one (then its cached answers are this data's).
	| { kind: 'live'; publicVersion: string; dataVersion: string }
	| { kind: 'gone' };

interface LookupRow {
	public_version: string | null;
	data_version: string;
	status: 200 | 204 | null;
	content_type: string | null;
	content_disposition: string | null;
	body: Uint8Array | null;
	etag: string | null;
}

const lookupQuery = sqlTemplate<LookupRow>(pinnedAnswerSql);
const keepQuery = sqlTemplate<{ kept: boolean }>(keepAnswerSql);

// Kept answers never change (a release's answer is its answer for ever), so they are held
// in memory without any data version in the key: a pinned view read twice costs no database.
const inMemory = new LRUCache<string, KeptAnswer>({
	maxSize: 32 * 1024 * 1024,
	sizeCalculation: (answer) => Math.max(1, answer.gzipped.byteLength + answer.etag.length)
});

const memoryKey = (release: number, answerKey: string) => cacheKeyFor(`release-answer|${release}|${answerKey}`);

/** The kept answer of `release` for `answerKey`, or whether the release can still answer live. */
export async function lookUpPinned(release: number, answerKey: string): Promise<PinnedLookup> {
	const held = inMemory.get(memoryKey(release, answerKey));
	if (held) return { kind: 'kept', answer: held };
	// Read as the public: the functions are granted to the web reader only.
	const [row] = await withViewer(anonymousViewer, (tx) => lookupQuery(tx, { release, answer_key: answerKey }));
	if (row?.status && row.body && row.etag) {
		const answer: KeptAnswer = {
			status: row.status,
			contentType: row.content_type,
			contentDisposition: row.content_disposition,
			gzipped: new Uint8Array(row.body),
			etag: row.etag
		};
		inMemory.set(memoryKey(release, answerKey), answer);
		return { kind: 'kept', answer };
	}
	if (row?.public_version) return { kind: 'live', publicVersion: row.public_version, dataVersion: row.data_version };
	return { kind: 'gone' };
}

/**
 * Keeps a public answer of `release`, read while the public data was at `publicVersion`.
 * False when the database refused it (the data moved meanwhile, or the release is full): the
 * answer is then not the release's for certain and must not be called so.
 */
export async function keepAnswer(release: number, publicVersion: string, answerKey: string, answer: KeptAnswer, rawBytes: number): Promise<boolean> {
	const [row] = await withViewer(anonymousViewer, (tx) =>
		keepQuery(tx, {
			release,
			public_version: publicVersion,
			answer_key: answerKey,
			status: answer.status,
			content_type: answer.contentType,
			content_disposition: answer.contentDisposition,
			body: answer.gzipped,
			raw_bytes: rawBytes,
			etag: answer.etag
		})
	);
	if (row?.kept) inMemory.set(memoryKey(release, answerKey), answer);
	return row?.kept === true;
}
