import { error, fail, redirect } from '@sveltejs/kit';
import { MAX_ID } from '$lib/filter/filter-schema.ts';
import { MAX_PHOTO_BYTES } from '$lib/import/columns.ts';
import { requireRole } from '$lib/server/auth/require-role.ts';
import { database } from '$lib/server/db.ts';
import { orUnavailable } from '$lib/server/http/database-unavailable.ts';
import { readImportReport } from '$lib/server/import/import-reports.ts';
import { startImport } from '$lib/server/import/run-import.ts';
import { isStaged, stagedPath } from '$lib/server/import/staged-files.ts';
import { addItemPhoto } from '$lib/server/media/item-photos.ts';
import type { Actions, PageServerLoad } from './$types';

function reportId(text: string): number {
	const id = /^\d{1,10}$/.test(text) ? Number(text) : 0;
	if (!(id >= 1 && id <= MAX_ID)) error(404, 'not found');
	return id;
}

async function report(text: string) {
	const found = await orUnavailable(() => readImportReport(database(), reportId(text)));
	if (!found) error(404, 'not found');
	return found;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, url, 'editor');
	const found = await report(params.id);
	return { report: found, staged: isStaged(found.sha256) };
};

export const actions: Actions = {
	// Commits the file this dry run checked, as a new report that names it.
	commit: async ({ locals, url, params }) => {
		const account = requireRole(locals, url, 'editor');
		const checked = await report(params.id);
		if (checked.mode !== 'dry_run' || checked.status !== 'checked' || checked.committed_by !== null) {
			return fail(409, { problem: 'notCommittable' as const });
		}
		if (!isStaged(checked.sha256)) return fail(410, { problem: 'fileGone' as const });
		const { reportId: id } = await orUnavailable(() => startImport(database(), {
			path: stagedPath(checked.sha256), fileName: checked.file_name, actor: account.email, mode: 'commit', checked: checked.id
		}));
		redirect(303, `/admin/import/${id}`);
	},
	photo: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, 'editor');
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '').trim();
		const [source, item, caption, photo] = [text('source'), text('item'), text('caption'), form.get('photo')];
		if (!source) return fail(400, { field: 'source', problem: 'noItem' as const });
		if (!item) return fail(400, { field: 'item', problem: 'noItem' as const });
		if (!(photo instanceof File) || photo.size === 0) return fail(400, { field: 'photo', problem: 'notImage' as const });
		if (photo.size > MAX_PHOTO_BYTES) return fail(413, { field: 'photo', problem: 'tooLarge' as const });
		const outcome = await orUnavailable(async () => addItemPhoto(database(), {
			source, item, caption: caption.slice(0, 300) || null, bytes: new Uint8Array(await photo.arrayBuffer()), actor: account.email
		}));
		if (!outcome.ok) return fail(400, { field: outcome.reason === 'no_item' ? 'item' : 'photo', problem: outcome.reason === 'no_item' ? 'noItem' as const : 'notImage' as const });
		return { photoAdded: { item, position: outcome.position, uri: outcome.uri } };
	}
};
