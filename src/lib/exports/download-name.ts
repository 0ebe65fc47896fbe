// File names that say what a download is: the portal, what it holds, the view's Filter, the
// data release and the day it was retrieved, e.g.
// diversion-atlas-items-country-irq-category-weapon-release-4-2026-12-01.csv. The one rule
// for item exports and chart files alike, so a folder of downloads sorts by what they show.
import { FILTER_KEYS, type Filter } from '$lib/filter/filter-schema.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';

// File systems and mail clients cope with long names, people do not: the Filter part stops here.
const MAX_FILTER_PART = 80;

/** The Filter as a file-name part: `key-value+value` per key in canonical order, or `all`. */
export function filterSlug(filter: Filter): string {
	const parts: string[] = [];
	for (const key of FILTER_KEYS) {
		const value = filter[key];
		if (value === undefined) continue;
		const values = (Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, ''));
		parts.push(`${key.replace(/_/g, '')}-${values.join('+')}`);
	}
	const slug = parts.join('-');
	if (slug === '') return 'all';
	return slug.length <= MAX_FILTER_PART ? slug : slug.slice(0, MAX_FILTER_PART).replace(/[-+_]+$/, '');
}

/**
 * `diversion-atlas-<what>-<filter>[-release-<n>]-<YYYY-MM-DD>.<extension>`; without a
 * release (none published yet) the part is left out rather than invented.
 */
export function downloadName(what: string, filter: Filter, release: DataRelease | null, retrievedOn: Date, extension: string): string {
	const day = retrievedOn.toISOString().slice(0, 10);
	const pinned = release ? `-release-${release.number}` : '';
	return `diversion-atlas-${what}-${filterSlug(filter)}${pinned}-${day}.${extension}`;
}
