/** What the server knows about a failed request, minus anything that identifies the reader. */
export interface FailureContext {
	method: string;
	route: string | null;
	path: string;
	status: number;
}

/**
 * Logs an unexpected error as one JSON line with a fresh id and returns the id, which the
 * reader sees instead of the error: stacks and database messages stay in the log.
 */
export function logFailure(error: unknown, context: FailureContext): string {
	const id = crypto.randomUUID();
	const detail =
		error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
	console.error(JSON.stringify({ level: 'error', at: new Date().toISOString(), id, ...context, error: detail }));
	return id;
}
