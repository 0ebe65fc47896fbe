// npm run test:load: the portal under load on loopback, on the embedded PostGIS and, when
// TEST_DATABASE_URL or --database-url names one, on a native PostGIS. Exits 1 when any
// check fails (see verdict.mjs for the rule).
//
//   npm run test:load                          60 s at 200 connections per back end
//   npm run test:load -- --soak                then a 5-minute soak at moderate load
//   npm run test:load -- --soak-seconds 60     a shorter soak, for trying it
//   options: --seconds N, --connections N, --timeout N (s, default 10), --soak-connections N, --soak-rate N (req/s),
//            --database-url URL, --only embedded|native
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../../db/setup-steps.mjs';
import { loadBackend } from './load-backend.mjs';
import { formatChecks, summaryLine } from './verdict.mjs';

// Ctrl-C: exit through process.exit so the portal group is killed by its exit handler.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '60' },
		connections: { type: 'string', default: '200' },
		// autocannon's default: a request unanswered after 10 s counts as a timeout and is lost.
		timeout: { type: 'string', default: '10' },
		soak: { type: 'boolean', default: false },
		'soak-seconds': { type: 'string' },
		// Moderate: about half of what the embedded back end served at full load here.
		'soak-connections': { type: 'string', default: '10' },
		'soak-rate': { type: 'string', default: '20' },
		'database-url': { type: 'string', default: process.env.TEST_DATABASE_URL },
		only: { type: 'string' }
	}
});

function count(name, text) {
	const n = Number(text);
	if (!Number.isInteger(n) || n <= 0) {
		console.error(`--${name} must be a positive whole number, not "${text}"`);
		process.exit(2);
	}
	return n;
}

if (values.only && !['embedded', 'native'].includes(values.only)) {
	console.error(`--only must be embedded or native, not "${values.only}"`);
	process.exit(2);
}
if (values.only === 'native' && !values['database-url']) {
	console.error('--only native needs --database-url or TEST_DATABASE_URL');
	process.exit(2);
}
const soakSeconds = values['soak-seconds'] !== undefined ? count('soak-seconds', values['soak-seconds']) : values.soak ? 300 : 0;
const options = {
	seconds: count('seconds', values.seconds),
	connections: count('connections', values.connections),
	timeoutSeconds: count('timeout', values.timeout),
	soakSeconds,
	soakConnections: count('soak-connections', values['soak-connections']),
	soakRate: count('soak-rate', values['soak-rate']),
	logDir: join(root, 'test-results', 'load')
};
mkdirSync(options.logDir, { recursive: true });

const backends = [];
if (values.only !== 'native') backends.push({ name: 'embedded', dataDir: process.env.DATA_DIR ?? '.data' });
if (values['database-url'] && values.only !== 'embedded') backends.push({ name: 'native', databaseUrl: values['database-url'] });

console.log('[load] the load tool and the portal share this machine\'s cores: figures are for both on one box');
const checks = [];
const reports = [];
for (const backend of backends) {
	const result = await loadBackend(backend, options);
	checks.push(...result.checks);
	reports.push(result.report);
}
console.log(`\n${reports.filter(Boolean).join('\n\n')}\n\nchecks:\n${formatChecks(checks)}\n\n${summaryLine(checks)}`);
process.exit(checks.every((c) => c.ok) ? 0 : 1);
