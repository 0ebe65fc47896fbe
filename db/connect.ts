import postgres from 'postgres';

export type Sql = postgres.Sql;

export interface ConnectOptions {
	max?: number;
	application?: string;
	/** Seconds to wait for a connection before the query fails; postgres.js's default is 30. */
	connectTimeout?: number;
}

/** One postgres.js client for either back end; notices stay out of the reader's console. */
export function connect(url: string, options: ConnectOptions = {}): Sql {
	return postgres(url, {
		max: options.max ?? 8,
		idle_timeout: 30,
		connect_timeout: options.connectTimeout ?? 30,
		onnotice: () => {},
		connection: { application_name: options.application ?? 'diversion-atlas' }
	});
}
