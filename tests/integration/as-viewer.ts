import type { Sql, TransactionSql } from 'postgres';

/** Runs a read as the web reader would: role atlas_reader, row-level security on. */
export function asViewer<T>(
	sql: Sql,
	viewer: { role: 'public' | 'partner' | 'staff'; country?: string },
	read: (tx: TransactionSql) => Promise<T>
): Promise<T> {
	return sql.begin(async (tx) => {
		await tx`SELECT set_config('role', 'atlas_reader', true),
			set_config('atlas.viewer_role', ${viewer.role}, true),
			set_config('atlas.viewer_country', ${viewer.country ?? ''}, true)`;
		return read(tx);
	}) as Promise<T>;
}

export const asPublic = <T>(sql: Sql, read: (tx: TransactionSql) => Promise<T>) => asViewer(sql, { role: 'public' }, read);
