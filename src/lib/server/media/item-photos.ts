// Photos uploaded with an item. Every photo is re-encoded by sharp before it is stored:
// sharp writes no metadata unless asked (no EXIF, no GPS, no XMP or IPTC), so a picture
// cannot tell where or when it was taken; the orientation EXIF gave is applied to the
// pixels first. Stored under MEDIA_DIR/photos with a random name, served by
// /media/photos/[name] to those who may see the item.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type postgres from 'postgres';
import sharp from 'sharp';
import { setAuditActor } from '../auth/audit-actor.ts';
import { sqlTemplate } from '../sql-template.ts';
import itemPhotoAddSql from './item-photo-add.sql?raw';
import { mediaDir } from './media-dir.ts';

const itemPhotoAdd = sqlTemplate<{ item_id: number; position: number }>(itemPhotoAddSql);

export const PHOTO_URI_PREFIX = '/media/photos/';
export const PHOTO_NAME = /^[0-9a-f-]{36}\.(jpg|png)$/;

export type PhotoOutcome =
	| { ok: true; itemId: number; position: number; uri: string }
	| { ok: false; reason: 'not_image' | 'no_item' };

/** The picture without any metadata, in its own format (JPEG or PNG); null if it is neither. */
export async function withoutMetadata(bytes: Uint8Array): Promise<{ bytes: Buffer; format: 'jpg' | 'png' } | null> {
	let format: string | undefined;
	try {
		format = (await sharp(bytes).metadata()).format;
	} catch {
		return null;
	}
	if (format !== 'jpeg' && format !== 'png') return null;
	const image = sharp(bytes).rotate();
	const out = format === 'jpeg' ? await image.jpeg({ quality: 88 }).toBuffer() : await image.png().toBuffer();
	return { bytes: out, format: format === 'jpeg' ? 'jpg' : 'png' };
}

export async function addItemPhoto(
	sql: postgres.Sql,
	{ source, item, caption, bytes, actor }: { source: string; item: string; caption: string | null; bytes: Uint8Array; actor: string }
): Promise<PhotoOutcome> {
	const clean = await withoutMetadata(bytes);
	if (!clean) return { ok: false, reason: 'not_image' };
	const name = `${randomUUID()}.${clean.format}`;
	const dir = join(mediaDir(), 'photos');
	await mkdir(dir, { recursive: true });
	const path = join(dir, name);
	await writeFile(path, clean.bytes);
	try {
		const [added] = await sql.begin(async (tx) => {
			await setAuditActor(tx, actor, `photo of item ${item}`);
			return itemPhotoAdd(tx, { source, item, uri: PHOTO_URI_PREFIX + name, caption });
		});
		if (!added) {
			await rm(path, { force: true });
			return { ok: false, reason: 'no_item' };
		}
		return { ok: true, itemId: added.item_id, position: added.position, uri: PHOTO_URI_PREFIX + name };
	} catch (error) {
		await rm(path, { force: true });
		throw error;
	}
}
