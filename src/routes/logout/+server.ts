import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/session-locals.ts';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie.ts';
import { endSession } from '$lib/server/auth/sessions.ts';
import type { RequestHandler } from './$types';

// POST only (the header's sign-out button is a form): a link or an image on another site
// cannot sign a reader out, and SvelteKit's origin check refuses other sites' form posts.
export const POST: RequestHandler = async ({ cookies, url }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token !== undefined) await endSession(token);
	clearSessionCookie(cookies, url);
	redirect(303, '/');
};
