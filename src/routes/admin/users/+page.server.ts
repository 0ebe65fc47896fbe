import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { listUsers, setUserDisabled } from '$lib/server/admin/users.ts';
import { requireRole } from '$lib/server/auth/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

const userForm = z.object({ user: z.coerce.number().int().positive() });

export const load: PageServerLoad = async ({ locals, url }) => {
	const admin = requireRole(locals, url, 'admin');
	return { users: await listUsers(admin), self: admin.id };
};

async function setDisabled({ locals, url, request }: Parameters<Actions[string]>[0], disabled: boolean) {
	const admin = requireRole(locals, url, 'admin');
	const parsed = userForm.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) return fail(400, { error: 'user' as const });
	const changed = await setUserDisabled(admin, parsed.data.user, disabled);
	if (!changed) return fail(400, { error: 'unchanged' as const, user: parsed.data.user });
	return { changed: parsed.data.user };
}

export const actions: Actions = {
	disable: (event) => setDisabled(event, true),
	enable: (event) => setDisabled(event, false)
};
