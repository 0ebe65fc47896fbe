import { fail, redirect } from '@sveltejs/kit';
import { MAX_IMPORT_BYTES } from '$lib/import/columns.ts';
import { requireRole } from '$lib/server/auth/require-role.ts';
import { database } from '$lib/server/db.ts';
import { orUnavailable } from '$lib/server/http/database-unavailable.ts';
import { listImportReports } from '$lib/server/import/import-reports.ts';
import { startImport } from '$lib/server/import/run-import.ts';
import { stageUpload } from '$lib/server/import/staged-files.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'editor');
	return { reports: await orUnavailable(() => listImportReports(database())), maxBytes: MAX_IMPORT_BYTES };
};

export const actions: Actions = {
	// Stores the upload and starts its dry run; the report page follows its progress.
	default: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, 'editor');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { field: 'file', problem: 'noFile' as const });
		if (file.size > MAX_IMPORT_BYTES) return fail(413, { field: 'file', problem: 'tooLarge' as const, bytes: file.size, max: MAX_IMPORT_BYTES });
		const path = await stageUpload(new Uint8Array(await file.arrayBuffer()));
		const { reportId } = await orUnavailable(() =>
			startImport(database(), { path, fileName: file.name || 'upload', actor: account.email, mode: 'dry_run' })
		);
		redirect(303, `/admin/import/${reportId}`);
	}
};
