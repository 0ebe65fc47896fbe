// Adds the end-to-end accounts (tests/e2e/sign-in.ts) to the database the portal will use
// (DATABASE_URL, or the embedded one in DATA_DIR while no portal holds it). Run again, it
// leaves existing accounts as they are.
import { withDatabase } from '../../db/database.ts';
import { AccountRefused, addAccount } from '../../db/user-add.ts';
import { E2E_ACCOUNTS } from './sign-in.ts';

await withDatabase(async (sql) => {
	for (const account of Object.values(E2E_ACCOUNTS)) {
		try {
			await addAccount(sql, { ...account, name: null, mustChangePassword: false }, 'end-to-end tests');
			console.log(`[e2e] added ${account.role} ${account.email}`);
		} catch (failure) {
			if (!(failure instanceof AccountRefused && failure.option === 'email')) throw failure;
		}
	}
});
