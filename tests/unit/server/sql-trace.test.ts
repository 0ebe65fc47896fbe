// The bench's statement trace: nothing unless ATLAS_SQL_TRACE names a file; then one JSON
// line per statement, readable back as what was sent.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlTraceHook } from '../../../src/lib/server/sql-trace.ts';

describe('sqlTraceHook', () => {
	it('is no hook at all when no trace file is named', () => {
		expect(sqlTraceHook(undefined)).toBeUndefined();
		expect(sqlTraceHook('')).toBeUndefined();
	});

	it('appends each statement as one JSON line with its parameters, in the order sent', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'sql-trace-')), 'trace.jsonl');
		const hook = sqlTraceHook(file)!;
		hook(1, 'SELECT $1::int', [7], [23]);
		hook(2, 'SELECT $1::text, $2::bigint', ['a\nb', 12n], [25, 20]);
		const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
		expect(lines).toEqual([
			{ connection: 1, query: 'SELECT $1::int', parameters: [7], types: [23] },
			{ connection: 2, query: 'SELECT $1::text, $2::bigint', parameters: ['a\nb', '12'], types: [25, 20] }
		]);
	});
});
