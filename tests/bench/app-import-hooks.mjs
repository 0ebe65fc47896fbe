// Lets a benchmark import the app's server modules outside Vite (node --import tsx
// --import ./tests/bench/app-import-hooks.mjs): `$lib/` is src/lib/, `x.sql?raw` is the
// file's text, an eager raw `import.meta.glob('dir/*.sql', ...)` the files' texts by path,
// and `$app/server` a stand-in with no request (a benchmark serves none).
// Imported on the main thread it registers itself; on the loader thread it is the hooks.
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

const lib = new URL('../../src/lib/', import.meta.url).href;
const APP_SERVER = 'atlas-bench:app-server';
const GLOB = /import\.meta\.glob\(\s*['"]([^'"]+)['"][^)]*\)/g;

function globRaw(from, pattern) {
	const dir = pattern.slice(0, pattern.lastIndexOf('/') + 1);
	const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
	const base = new URL(dir, from);
	return Object.fromEntries(readdirSync(base).filter((name) => name.endsWith(suffix)).map((name) => [dir + name, readFileSync(new URL(name, base), 'utf8')]));
}

export async function resolve(specifier, context, next) {
	if (specifier === '$app/server') return { url: APP_SERVER, shortCircuit: true };
	if (specifier.startsWith('$lib/')) return next(lib + specifier.slice(5), context);
	if (specifier.endsWith('?raw')) {
		const resolved = await next(specifier.slice(0, -4), context);
		return { url: `${resolved.url}?raw`, shortCircuit: true };
	}
	return next(specifier, context);
}

export async function load(url, context, next) {
	if (url === APP_SERVER) return { format: 'module', source: 'export function getRequestEvent() { throw new Error("no request"); }', shortCircuit: true };
	if (url.endsWith('?raw')) {
		const text = await readFile(new URL(url.slice(0, -4)), 'utf8');
		return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
	}
	const result = await next(url, context);
	if (!url.endsWith('.ts') || result.source === undefined) return result;
	const source = String(result.source);
	if (!source.includes('import.meta.glob(')) return result;
	return { ...result, source: source.replace(GLOB, (_, pattern) => JSON.stringify(globRaw(url, pattern))) };
}
