import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseSqlTemplate } from '../../../src/lib/server/sql-template.ts';

// A grouping() of several columns is a bitmask whose numbers all change when a dimension is
// added; one column per grouping() call names a set by what it groups by.
it.each(['item-stats.sql', 'request-stats.sql'])('%s tells its grouping sets apart by name, never by a bitmask number', (file) => {
	const query = parseSqlTemplate(readFileSync(new URL(`../../../src/lib/server/stats/${file}`, import.meta.url), 'utf8')).strings.join(' ');
	const calls = [...query.matchAll(/grouping\s*\(([^)]*)\)/gi)].map((m) => m[1].trim());
	expect(calls.length).toBeGreaterThan(0);
	expect(calls.filter((columns) => columns.includes(','))).toEqual([]);
	expect(query).toMatch(/END AS dimension/);
});
