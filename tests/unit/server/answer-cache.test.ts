import { expect, it } from 'vitest';
import { databaseTag } from '../../../src/lib/server/http/answer-cache.ts';

it('tags each database client apart, and one client always alike, so two databases never share a cached answer', () => {
	const [a, b] = [{}, {}] as unknown as Parameters<typeof databaseTag>[0][];
	expect(databaseTag(a)).toBe(databaseTag(a));
	expect(databaseTag(a)).not.toBe(databaseTag(b));
});
