import { createHash } from 'node:crypto';
import type { Viewer } from '../viewer.ts';

/**
 * Who shares an answer: every public reader sees the same rows, a partner sees its
 * country's restricted rows too, staff see everything. Answers of one partition may be
 * shared; answers of two never.
 */
export function viewerPartition(viewer: Viewer): string {
	return viewer.role === 'partner' ? `partner:${viewer.country}` : viewer.role;
}

/**
 * The key an answer is the same for: data version, viewer partition and the parts of the
 * request that change it (path or tile address, canonical query). Both the ETag and the
 * cache key are made from it, so a 304 and a cache hit agree.
 */
export function answerKey(version: string, viewer: Viewer, ...parts: string[]): string {
	return [version, viewerPartition(viewer), ...parts].join('|');
}

/** A strong ETag from an answer key: short, and opaque (it names no partner or filter). */
export function etagFor(key: string): string {
	return `"${createHash('sha1').update(key).digest('base64url').slice(0, 22)}"`;
}

/** Whether If-None-Match (a list, weak tags allowed: RFC 9110 §13.1.2) names this ETag. */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Cache headers: a shared cache may keep public answers; a signed-in viewer's stay private. */
export function cacheControl(viewer: Viewer): string {
	return viewer.role === 'public' ? 'public, max-age=60' : 'private, max-age=60';
}
