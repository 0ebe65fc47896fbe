import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt (RFC 7914), memory-hard: N=2^15, r=8 costs 128·N·r = 32 MiB and ~0.1 s a hash on
// these machines, OWASP's recommended minimum. The parameters are written into each hash, so
// they can be raised later: old hashes still verify with the parameters they were made with.
export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** A stored password hash: `scrypt$N=32768,r=8,p=1$<salt>$<key>` (base64url). */
export type PasswordHash = string;

function derive(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
	// maxmem must exceed 128·N·r, or node refuses (its default is exactly 32 MiB).
	const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
	return new Promise((done, failed) => scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? failed(error) : done(key))));
}

export async function hashPassword(password: string, parameters = SCRYPT_PARAMETERS): Promise<PasswordHash> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, parameters, KEY_BYTES);
	const { N, r, p } = parameters;
	return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const HASH = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;
// Bounds on what a stored string may ask for, so a corrupt row cannot make a sign-in
// allocate gigabytes.
const MAX_N = 2 ** 20;

/** Whether `password` is the one `stored` was made from; false for any malformed hash. */
export async function verifyPassword(password: string, stored: PasswordHash | null): Promise<boolean> {
	const match = stored === null ? null : HASH.exec(stored);
	if (!match) return false;
	const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return false;
	const expected = Buffer.from(match[5], 'base64url');
	const key = await derive(password, Buffer.from(match[4], 'base64url'), { N, r, p }, expected.length);
	return timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, verified when the email is unknown so that a sign-in for an
 * unknown account costs what one for a known account does (no timing tells them apart).
 */
export const UNMATCHABLE_HASH: PasswordHash = `scrypt$N=${SCRYPT_PARAMETERS.N},r=${SCRYPT_PARAMETERS.r},p=${SCRYPT_PARAMETERS.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/** A one-time password for a new account: 18 random bytes, 24 characters. */
export function oneTimePassword(): string {
	return randomBytes(18).toString('base64url');
}

/** What a chosen password must be: long enough to resist guessing, short enough to hash. */
export const PASSWORD_LENGTH = { min: 12, max: 1024 } as const;
