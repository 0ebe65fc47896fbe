import postgres from 'postgres';

export type Sql = postgres.Sql;

/** One postgres.js client for either back end; notices stay out of the reader's console. */
export function connect(url: string, options: { max?: number; application?: string } = {}): Sql {
	return postgres(url, {
		max: options.max ?? 8,
		idle_timeout: 30,
		onnotice: () => {},
		connection: { application_name: options.application ?? 'diversion-atlas' }
	});
}
