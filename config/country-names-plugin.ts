// `virtual:country-names`: each country's short name in the portal's languages, made at build
// time from world-countries (the package the seed names `atlas.countries` from), so the browser
// and the server say the same name without a database read and the bundle carries only the
// names (about 9 KB), not the package's 1 MB of geography.
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

type WorldCountry = { cca3: string; name: { common: string }; translations: Record<string, { common: string } | undefined> };

const virtualId = 'virtual:country-names';
const resolvedId = `\0${virtualId}`;

export function countryNamesPlugin(): Plugin {
	return {
		name: 'diversion-atlas:country-names',
		resolveId: (id) => (id === virtualId ? resolvedId : undefined),
		load(id) {
			if (id !== resolvedId) return undefined;
			const countries = createRequire(import.meta.url)('world-countries') as WorldCountry[];
			// world-countries keys its translations by ISO 639-3.
			const names = Object.fromEntries(
				countries.map((c) => [c.cca3, { en: c.name.common, fr: c.translations.fra?.common ?? c.name.common }])
			);
			return `export default ${JSON.stringify(names)};`;
		}
	};
}
