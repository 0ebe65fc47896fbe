import { answerOembed } from '$lib/server/share/oembed.ts';
import type { RequestHandler } from './$types';

// oEmbed for the portal's views (which addresses are views: src/lib/share/portal-views.ts).
export const GET: RequestHandler = ({ url, locals }) => answerOembed(url, locals.viewer, locals.locale);
