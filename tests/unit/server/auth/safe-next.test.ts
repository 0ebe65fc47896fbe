import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../../src/lib/server/auth/safe-next.ts';

describe('where sign-in sends the reader next', () => {
	it.each([
		['/admin/audit', '/admin/audit'],
		['/admin/audit?action=LOGIN&page=2', '/admin/audit?action=LOGIN&page=2'],
		['/items/12#chain', '/items/12#chain'],
		['/a/../admin', '/admin']
	])('keeps the same-site path %s', (next, expected) => {
		expect(safeNextPath(next)).toBe(expected);
	});

	it.each([
		'https://evil.example/phish',
		'//evil.example/phish',
		'/\\evil.example',
		'\\\\evil.example',
		'javascript:alert(1)',
		'evil.example',
		'/\t/evil.example',
		'',
		null,
		undefined
	])('refuses %s and goes home instead', (next) => {
		expect(safeNextPath(next as string | null | undefined)).toBe('/');
	});
});
