import { join, resolve } from 'node:path';

/** Where uploaded media live: MEDIA_DIR, else DATA_DIR/media (shared storage when scaled out). */
export function mediaDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.MEDIA_DIR ?? join(env.DATA_DIR ?? '.data', 'media'));
}
