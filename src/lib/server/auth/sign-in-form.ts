import { z } from 'zod';
import { PASSWORD_LENGTH } from './password.ts';

/** The sign-in form's fields; each issue names its field. */
export const signInFormSchema = z.object({
	email: z.string().trim().min(1).max(254),
	password: z.string().min(1).max(PASSWORD_LENGTH.max)
});

/** The password form: the current one (or the one-time one) and the new one, twice. */
export const passwordFormSchema = z
	.object({
		current: z.string().min(1).max(PASSWORD_LENGTH.max),
		password: z.string().min(PASSWORD_LENGTH.min).max(PASSWORD_LENGTH.max),
		confirm: z.string()
	})
	.refine((form) => form.password === form.confirm, { path: ['confirm'] });

/** The first field a form's parse refused, for the form's error. */
export function refusedField(error: z.ZodError): string {
	return String(error.issues[0]?.path[0] ?? 'form');
}

/** A form's text fields as an object (a File field, which these forms lack, becomes ''). */
export function formFields(form: FormData): Record<string, string> {
	return Object.fromEntries([...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : '']));
}
