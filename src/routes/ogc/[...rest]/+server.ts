import { badRequest } from '$lib/server/bad-request.ts';
import type { RequestHandler } from './$types';

// An address under /ogc that names no resource answers in the API's JSON 404 shape.
const notFound: RequestHandler = () => badRequest('path: no OGC API resource at this address; see /ogc', 'path', 404);

export const GET = notFound;
export const fallback = notFound;
