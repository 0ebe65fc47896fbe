import { landingPage } from '$lib/server/ogc/landing.ts';
import { staticAnswer } from '$lib/server/ogc/ogc-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => staticAnswer(event, ({ origin, translator }) => landingPage(origin, translator));
