import type { Sql, TransactionSql } from 'postgres';

class Rollback extends Error {}

/**
 * Runs `work` in a transaction on the owner connection and always rolls it back, so a test
 * can write to the shared seeded database without changing it; `work`'s own errors propagate.
 */
export async function rolledBack<T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
	let result: T | undefined;
	try {
		await sql.begin(async (tx) => {
			result = await work(tx);
			throw new Rollback();
		});
	} catch (error) {
		if (!(error instanceof Rollback)) throw error;
	}
	return result as T;
}
