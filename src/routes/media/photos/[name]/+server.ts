// A stored item photo, to those who may see its item (row security on item_photos): a
// draft's photo is a 404 to the public, like the draft itself.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readItemPhoto } from '$lib/server/media/photo-file.ts';

export const GET: RequestHandler = async ({ params, locals }) => {
	const photo = await readItemPhoto(locals.viewer, params.name);
	if (!photo) error(404, 'not found');
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.type,
			// Per viewer: a staff reader's draft photo must not land in a shared cache.
			'cache-control': locals.viewer.role === 'public' ? 'public, max-age=300' : 'private, max-age=300'
		}
	});
};
