// Steps `npm start` and `npm test` take before anything else, in plain Node so they run on
// a fresh clone where no package is installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** @param {string} text */
export function say(text) {
	console.log(`[setup] ${text}`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`[setup] ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

/** @param {string} path */
function mtime(path) {
	return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/**
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** npm packages, installed from the lock file when missing or older than it, then patched. */
export function ensureDependencies() {
	const installed = join(root, 'node_modules', '.package-lock.json');
	if (mtime(installed) < mtime(join(root, 'package-lock.json'))) {
		say('installing npm packages (npm ci)');
		run('npm', ['ci', '--no-audit', '--no-fund']);
	}
	ensurePatches();
}

// Every build of postgres.js that Node, Vite or a bundler may load (`import` → src,
// `require` → cjs, workerd → cf): each must carry the patch in db/patches/.
const patchedFiles = ['src', 'cjs/src', 'cf/src'].map((dir) => join(root, 'node_modules', 'postgres', dir, 'connection.js'));
const patchMark = 'diversion-atlas patch (porsager/postgres#1154, #1208)';

/** Whether every copy of the patched postgres.js carries our fix. */
export function patchesApplied() {
	return patchedFiles.every((file) => existsSync(file) && readFileSync(file, 'utf8').includes(patchMark));
}

/**
 * The fixes in db/patches/ (postgres.js crashing the process on a dropped connection). npm runs
 * the root `postinstall` (patch-package) on `npm ci`/`npm install`, but not when packages
 * were installed with --ignore-scripts or copied in: checked on every start, applied only
 * when missing, so running it twice changes nothing.
 */
export function ensurePatches() {
	if (patchesApplied()) return;
	say('applying db/patches/ to node_modules (patch-package)');
	run('npx', ['--no-install', 'patch-package', '--error-on-fail', '--patch-dir', 'db/patches']);
	if (!patchesApplied()) {
		console.error('[setup] patch-package ran but postgres.js is still unpatched: is postgres still 3.4.9 (see patches/)?');
		process.exit(1);
	}
}

/** The production build of the portal, rebuilt when any source is newer than it. */
export function ensureBuild() {
	const stamp = join(root, 'build', '.built');
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(root, p)));
	if (mtime(stamp) >= Math.max(...sources)) return;
	say('building the portal (vite build)');
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
	writeFileSync(stamp, new Date().toISOString());
}

/** Debian's chromium for the end-to-end tests; never a downloaded browser. */
export function ensureChromium() {
	if (existsSync('/usr/bin/chromium')) return;
	if (process.getuid?.() !== 0) {
		console.error('[setup] The end-to-end tests need Debian chromium at /usr/bin/chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium');
		process.exit(1);
	}
	say('installing Debian chromium (apt-get)');
	run('apt-get', ['update', '-q']);
	run('apt-get', ['install', '-y', '-q', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
