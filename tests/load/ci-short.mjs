// The load test's short form for CI (.ci/run calls it after npm test): 15 s at 200
// connections on the embedded PostGIS and, when TEST_DATABASE_URL is set, on the native
// one; no soak. Same traffic mix and pass rule as npm run test:load. Ends with one plain
// line, `load: N passed, N failed` (one count per check), and exits 1 when any check fails.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../db/setup-steps.mjs';
import { loadBackend } from './load-backend.mjs';
import { formatChecks, summaryLine } from './verdict.mjs';

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const SECONDS = 15;
const CONNECTIONS = 200;
// The embedded database answers one query at a time, so 200 connections queue about 6 s deep
// on two cores; this checks that every request is answered, not how fast (that is the
// benchmarks' job), so a request counts as lost only after 30 s.
const TIMEOUT_SECONDS = Number(process.env.LOAD_TIMEOUT_SECONDS ?? 30);
const logDir = join(root, 'test-results', 'load');
mkdirSync(logDir, { recursive: true });

const backends = [{ name: 'embedded', dataDir: process.env.DATA_DIR ?? '.data' }];
if (process.env.TEST_DATABASE_URL) backends.push({ name: 'native', databaseUrl: process.env.TEST_DATABASE_URL });

console.log(`[load] short form: ${SECONDS} s at ${CONNECTIONS} connections on ${backends.map((b) => b.name).join(' and ')}`);
const checks = [];
for (const backend of backends) {
	const result = await loadBackend(backend, { seconds: SECONDS, connections: CONNECTIONS, soakSeconds: 0, timeoutSeconds: TIMEOUT_SECONDS, logDir });
	checks.push(...result.checks);
	if (result.report) console.log(`\n${result.report}`);
}
console.log(`\nchecks:\n${formatChecks(checks)}\n\n${summaryLine(checks)}`);
process.exit(checks.every((c) => c.ok) ? 0 : 1);
