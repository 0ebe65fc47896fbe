import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/openapi/document.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } });
