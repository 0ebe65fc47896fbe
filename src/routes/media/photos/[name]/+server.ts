// A stored item photo, to those who may see its item (row security on item_photos): a
// draft's photo is a 404 to the public, like the draft itself.
import type { RequestHandler } from './$types';
import { badRequest } from '$lib/server/bad-request.ts';
import { PHOTO_NAME } from '$lib/server/media/item-photos.ts';
import { readItemPhoto } from '$lib/server/media/photo-file.ts';

export const GET: RequestHandler = async ({ params, locals }) => {
	if (!PHOTO_NAME.test(params.name)) return badRequest('name: a stored photo’s name (a UUID with .jpg or .png)', 'name');
	const photo = await readItemPhoto(locals.viewer, params.name);
	if (!photo) return badRequest(`name: no photo ${params.name}`, 'name', 404);
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.type,
			// Per viewer: a staff reader's draft photo must not land in a shared cache.
			'cache-control': locals.viewer.role === 'public' ? 'public, max-age=300' : 'private, max-age=300'
		}
	});
};
