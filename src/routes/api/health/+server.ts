import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health.ts';
import { logFailure } from '$lib/server/log.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, route, url }) => {
	const report = await checkHealth((error) =>
		logFailure(error, { method: request.method, route: route.id, path: url.pathname, status: 503 })
	);
	return json(report, {
		status: report.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
