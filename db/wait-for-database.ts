import { connect } from './connect.ts';

/** The URL without its password, fit for a log line. */
export function redactedUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(unparseable DATABASE_URL)';
	}
}

// Waits between attempts: a database that is still starting is caught soon, one that is
// down for long is not hammered.
const delaysMs = [1_000, 2_000, 3_000, 5_000, 10_000];

/**
 * Resolves once `url` answers a query, trying again for ever (systemd or the operator
 * decides when to give up, not us), with one counted line per failed attempt.
 */
export async function waitForDatabase(url: string, log: (line: string) => void = (line) => console.error(line)): Promise<number> {
	for (let attempt = 1; ; attempt++) {
		const sql = connect(url, { max: 1, application: 'diversion-atlas-wait', connectTimeout: 5 });
		try {
			await sql`SELECT 1`;
			if (attempt > 1) log(`[db] the database at ${redactedUrl(url)} answers (attempt ${attempt})`);
			return attempt;
		} catch (error) {
			const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
			const delay = delaysMs[Math.min(attempt - 1, delaysMs.length - 1)]!;
			log(`[db] waiting for the database at ${redactedUrl(url)}: attempt ${attempt} failed (${reason}); retrying in ${delay / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, delay));
		} finally {
			await sql.end({ timeout: 0 }).catch(() => {});
		}
	}
}
