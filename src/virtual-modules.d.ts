declare module 'virtual:country-names' {
	/** ISO 3166 alpha-3 → the country's short name per portal language (config/country-names-plugin.ts). */
	const names: Record<string, { en: string; fr: string } | undefined>;
	export default names;
}
