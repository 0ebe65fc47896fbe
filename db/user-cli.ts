// npm run user:add -- --email E --role editor|admin|partner [--country XXX] [--name N] [--password-stdin]
// Adds an account to the database named by DATABASE_URL (or the embedded one in DATA_DIR;
// not while a portal holds it). With --password-stdin the password is read from standard
// input; without it a one-time password is printed, which the account must replace at its
// first sign-in. Bad arguments: a message naming the option, exit status 2.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { oneTimePassword } from '../src/lib/server/auth/password.ts';
import { withDatabase } from './database.ts';
import { AccountRefused, addAccount } from './user-add.ts';

function refuse(message: string): never {
	console.error(`user:add: ${message}`);
	console.error('usage: npm run user:add -- --email E --role editor|admin|partner [--country XXX] [--name N] [--password-stdin]');
	process.exit(2);
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	// One trailing newline is the terminal's or echo's, not the password's.
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

let values;
try {
	({ values } = parseArgs({
		strict: true,
		options: {
			email: { type: 'string' },
			role: { type: 'string' },
			country: { type: 'string' },
			name: { type: 'string' },
			'password-stdin': { type: 'boolean' }
		}
	}));
} catch (failure) {
	refuse((failure as Error).message);
}
if (values.email === undefined) refuse('--email is required');
if (values.role === undefined) refuse('--role is required (editor, admin or partner)');
const fromStdin = values['password-stdin'] === true;
const password = fromStdin ? await readStdin() : oneTimePassword();

try {
	await withDatabase(async (sql) => {
		const id = await addAccount(
			sql,
			{ email: values.email!, role: values.role as never, country: values.country ?? null, name: values.name ?? null, password, mustChangePassword: !fromStdin },
			`npm run user:add (${userInfo().username})`
		);
		console.log(`Added ${values.role} ${values.email!.trim().toLowerCase()} (account ${id})`);
		if (!fromStdin) console.log(`One-time password (shown once; to be changed at first sign-in): ${password}`);
	});
} catch (failure) {
	if (failure instanceof AccountRefused) refuse(failure.message);
	throw failure;
}
