// Which traced statements the raw-SQL replay times: only the data statements, never the
// transaction control or the viewer's settings (read from the app's own viewer.sql).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statementKind } from '../../bench/lib/statements.mjs';

describe('statementKind', () => {
	it('leaves transaction control and LISTEN untimed', () => {
		for (const q of ['begin ', 'BEGIN READ ONLY', 'commit', 'rollback', 'LISTEN "atlas_data_version"', 'savepoint s1']) expect(statementKind(q)).toBe('control');
	});

	it('replays the viewer settings of src/lib/server/viewer.sql untimed, comments and all', () => {
		const viewer = readFileSync(new URL('../../../src/lib/server/viewer.sql', import.meta.url), 'utf8').replace(/:\w+/g, (_, i) => `$${i}`);
		expect(statementKind(viewer)).toBe('setup');
		expect(statementKind('SELECT version FROM atlas.data_version')).toBe('setup');
	});

	it('times a statement that reads data, also one that sets the viewer in the same trip', () => {
		expect(statementKind('-- tile\nWITH bounds AS (SELECT 1) SELECT count(*) FROM atlas.item_facts')).toBe('data');
		expect(statementKind("SELECT set_config('role', 'atlas_reader', true), x.* FROM atlas.item_facts x")).toBe('data');
	});
});
