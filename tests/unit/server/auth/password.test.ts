import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMETERS, UNMATCHABLE_HASH, verifyPassword } from '../../../../src/lib/server/auth/password.ts';

describe('password hashing (scrypt)', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
		expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('writes its parameters and a fresh salt into every hash', async () => {
		const [a, b] = [await hashPassword('same password'), await hashPassword('same password')];
		const { N, r, p } = SCRYPT_PARAMETERS;
		expect(a).toMatch(new RegExp(`^scrypt\\$N=${N},r=${r},p=${p}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
		expect(N).toBeGreaterThanOrEqual(2 ** 15);
		expect(a).not.toBe(b);
	});

	it('verifies a hash made with other parameters by the parameters it names (so they can be raised)', async () => {
		const older = await hashPassword('an older account', { N: 2 ** 14, r: 8, p: 1 });
		expect(older).toContain('$N=16384,r=8,p=1$');
		expect(await verifyPassword('an older account', older)).toBe(true);
		expect(await verifyPassword('another', older)).toBe(false);
	});

	it('refuses malformed or out-of-bounds hashes instead of throwing or allocating', async () => {
		const good = await hashPassword('x'.repeat(12));
		for (const bad of [null, '', 'plain', good.replace('scrypt', 'bcrypt'), good.replace('N=32768', 'N=3'), good.replace('N=32768', 'N=1073741824')]) {
			expect(await verifyPassword('x'.repeat(12), bad)).toBe(false);
		}
		expect(await verifyPassword('anything', UNMATCHABLE_HASH)).toBe(false);
	});
});
