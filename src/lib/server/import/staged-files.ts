// Uploaded import files, kept by their SHA-256 until their commit: the dry run checks a file,
// the commit writes that same file (the report names it by its digest). Under IMPORT_DIR,
// else DATA_DIR/imports; with several app instances it must be storage they share.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export function importDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.IMPORT_DIR ?? join(env.DATA_DIR ?? '.data', 'imports'));
}

/** Where a staged file with this digest is (whether or not it still exists). */
export function stagedPath(sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256 digest');
	return join(importDir(), sha256);
}

export function isStaged(sha256: string): boolean {
	return existsSync(stagedPath(sha256));
}

/** Stores an upload under its digest (written whole, then renamed: never a half file). */
export async function stageUpload(bytes: Uint8Array): Promise<string> {
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const path = stagedPath(sha256);
	await mkdir(importDir(), { recursive: true });
	const partial = `${path}.${process.pid}.part`;
	await writeFile(partial, bytes);
	await rename(partial, path);
	return path;
}
