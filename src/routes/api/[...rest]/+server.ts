import { badRequest } from '$lib/server/bad-request.ts';
import type { RequestHandler } from './$types';

// An address under /api that names no endpoint answers in the API's own 404 shape, not with
// the HTML error page: API clients read `{ error, field }` whatever went wrong.
const notFound: RequestHandler = () =>
	badRequest('path: no API endpoint at this address; see /api/openapi.json', 'path', 404);

export const GET = notFound;
export const fallback = notFound;
