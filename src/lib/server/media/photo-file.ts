import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sqlTemplate } from '../sql-template.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import itemPhotoVisibleSql from './item-photo-visible.sql?raw';
import { PHOTO_NAME, PHOTO_URI_PREFIX } from './item-photos.ts';
import { mediaDir } from './media-dir.ts';

const itemPhotoVisible = sqlTemplate<{ caption: string | null }>(itemPhotoVisibleSql);

/** The photo's bytes and type if `viewer` may see it; null for unknown and hidden alike. */
export async function readItemPhoto(viewer: Viewer, name: string): Promise<{ bytes: Buffer; type: string } | null> {
	if (!PHOTO_NAME.test(name)) return null;
	const [visible] = await withViewer(viewer, (tx) => itemPhotoVisible(tx, { uri: PHOTO_URI_PREFIX + name }));
	if (!visible) return null;
	try {
		const bytes = await readFile(join(mediaDir(), 'photos', name));
		return { bytes, type: name.endsWith('.png') ? 'image/png' : 'image/jpeg' };
	} catch {
		return null;
	}
}
