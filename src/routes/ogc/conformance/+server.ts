import { conformanceDocument } from '$lib/server/ogc/conformance.ts';
import { staticAnswer } from '$lib/server/ogc/ogc-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => staticAnswer(event, conformanceDocument);
