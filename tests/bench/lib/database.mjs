// The bench's database: a throw-away native PostGIS 15 cluster (initdb in a temp dir, as
// .ci/run makes CI's), TEST_DATABASE_URL, a database named by --reuse-db, or (--quick) the
// embedded PGlite demo served on loopback. Seeds through the project's own seed command,
// timed, and reports size and item count. Also the SQL the steps need as database owner:
// reading and bumping the data version.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { root } from '../../../db/setup-steps.mjs';
import { freePort } from '../../load/portal-process.mjs';

const BIN = '/usr/lib/postgresql/15/bin';

/** A bare client as database owner (no row-level security): setup, raw SQL, changes. */
export function ownerClient(url, max = 2) {
	return postgres(url, { max, onnotice: () => {}, connection: { application_name: 'diversion-atlas-bench' } });
}

function asPostgres(args, options = {}) {
	const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', ...options });
	if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr || result.stdout}`);
	return result.stdout;
}

/** initdb + pg_ctl start on a free loopback port, fsync off, no parallel workers (like CI). */
export async function throwAwayCluster(say) {
	const pgdata = mkdtempSync(join(tmpdir(), 'atlas-bench-pg.'));
	spawnSync('chown', ['postgres:postgres', pgdata]);
	const port = await freePort();
	say(`starting a throw-away PostgreSQL 15 + PostGIS on 127.0.0.1:${port} (${pgdata})`);
	asPostgres([`${BIN}/initdb`, '-D', pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
	asPostgres([`${BIN}/pg_ctl`, '-D', pgdata, '-l', `${pgdata}/server.log`, '-w', '-o',
		`-p ${port} -k ${pgdata} -c listen_addresses=127.0.0.1 -c fsync=off -c max_parallel_workers_per_gather=0`, 'start']);
	asPostgres([`${BIN}/createdb`, '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'atlas_bench']);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/atlas_bench`,
		async stop() {
			spawnSync('runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, '-D', pgdata, '-m', 'fast', '-w', 'stop']);
			rmSync(pgdata, { recursive: true, force: true });
		}
	};
}

/**
 * The embedded demo database under `dataDir`, served on loopback by `npm run db`'s command
 * (db/embedded-cli.ts), so the bench has a SQL client to it as well as the portal.
 */
export async function embeddedDatabase(dataDir, say) {
	const port = await freePort();
	say(`starting the embedded PostGIS (PGlite) on 127.0.0.1:${port}, files in ${dataDir}`);
	const child = spawn(process.execPath, ['--import', 'tsx', 'db/embedded-cli.ts'], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dataDir, ATLAS_EMBEDDED_PORT: String(port) },
		detached: true,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const kill = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// gone
		}
	};
	process.once('exit', kill);
	const url = await new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk) => {
			out += chunk;
			const match = /DATABASE_URL=(\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the embedded database ended (code ${code}) before it served: ${out}`)));
	});
	return {
		url,
		async stop() {
			process.off('exit', kill);
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			process.kill(child.pid, 'SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
			kill();
		}
	};
}

async function itemCount(url) {
	const sql = ownerClient(url, 1);
	try {
		const [{ present }] = await sql`SELECT to_regclass('atlas.items') IS NOT NULL AS present`;
		if (!present) return 0;
		const [{ n }] = await sql`SELECT count(*)::int AS n FROM atlas.items`;
		return n;
	} finally {
		await sql.end();
	}
}

/**
 * Migrates and seeds (only when empty) with `db/seed/cli.ts --scale N`, timed by the wall
 * clock. `seed: false` (--reuse-db) only migrates (the code under test may bring new
 * migrations, and they are not the portal start's to wait for) and refuses an empty
 * database. Then the database's size and item count.
 * @param {string} url @param {{ scale: number, seed: boolean, say: (line: string) => void }} options
 */
export async function prepareDatabase(url, { scale, seed, say }) {
	/** @type {{ ran: boolean, seconds: number | null, skipped: boolean, migrationSeconds?: number }} */
	let seeding = { ran: false, seconds: null, skipped: !seed };
	const before = await itemCount(url);
	if (!seed && before === 0) throw new Error('--reuse-db names a database without items: seed it first (npm run seed -- --scale 10)');
	{
		const started = Date.now();
		say(before > 0 ? `database already holds ${before} items: applying any new migrations only` : `seeding at scale ${scale} (db/seed/cli.ts); its own progress follows`);
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'db/seed/cli.ts', '--scale', String(scale)], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: url },
			stdio: ['ignore', 'inherit', 'inherit']
		});
		if (result.status !== 0) throw new Error(`seeding failed (exit ${result.status})`);
		const seconds = (Date.now() - started) / 1000;
		seeding = before === 0 ? { ran: true, seconds, skipped: false } : { ran: false, seconds: null, skipped: !seed, migrationSeconds: seconds };
	}
	const sql = ownerClient(url, 1);
	try {
		const [{ bytes, items, version }] = await sql`
			SELECT pg_database_size(current_database())::float8 AS bytes,
			       (SELECT count(*)::int FROM atlas.items) AS items,
			       (SELECT version::float8 FROM atlas.data_version) AS version`;
		const [{ server }] = await sql`SELECT current_setting('server_version') AS server`;
		return { seeding, sizeBytes: bytes, items, dataVersion: version, serverVersion: server };
	} finally {
		await sql.end();
	}
}

// A tile no measured request asks for (a filter matching nothing), whose ETag carries the
// data version the portal answers under: it changes once the portal has learnt the new one.
const SENTINEL = '/tiles/sites/0/0/0.mvt?from=1901-01-01&to=1901-01-02';

/** @param {string} portalUrl */
async function sentinelEtag(portalUrl) {
	const response = await fetch(portalUrl + SENTINEL);
	await response.arrayBuffer();
	return response.headers.get('etag');
}

/**
 * Moves the data version on (as an administrator's change would), so every cache keyed on
 * it misses, and waits until the portal answers under the new version (the sentinel tile's
 * ETag changes): the next request of each address is cold. Resolves with the seconds the
 * portal took to learn it, or null when it did not within `ms` (the pass is still run).
 * @param {import('postgres').Sql} sql @param {string} portalUrl @param {number} [ms]
 */
export async function bumpDataVersion(sql, portalUrl, ms = 5000) {
	const before = await sentinelEtag(portalUrl);
	await sql`UPDATE atlas.data_version SET version = version + 1, changed_at = now()`;
	const started = Date.now();
	while (Date.now() - started < ms) {
		if ((await sentinelEtag(portalUrl)) !== before) return (Date.now() - started) / 1000;
		await new Promise((r) => setTimeout(r, 10));
	}
	return null;
}
