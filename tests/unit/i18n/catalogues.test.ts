import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues } from '../../../src/lib/i18n/translate.ts';
import { locales, defaultLocale } from '../../../src/lib/i18n/locales.ts';

// The ICU AST node kinds that carry an argument name (see @formatjs/icu-messageformat-parser
// TYPE): argument 1, number 2, date 3, time 4, select 5, plural 6, tag 8.
const namedKinds = new Set([1, 2, 3, 4, 5, 6, 8]);

interface AstNode {
	type: number;
	value?: unknown;
	options?: Record<string, { value: AstNode[] }>;
	children?: AstNode[];
}

/** Every argument a message expects, including those nested in plural and select branches. */
function placeholders(message: string, locale: string): string[] {
	const names = new Set<string>();
	const visit = (nodes: AstNode[]) => {
		for (const node of nodes) {
			if (namedKinds.has(node.type) && typeof node.value === 'string') names.add(node.value);
			for (const option of Object.values(node.options ?? {})) visit(option.value);
			if (node.children) visit(node.children);
		}
	};
	visit(new IntlMessageFormat(message, locale).getAst() as AstNode[]);
	return [...names].sort();
}

const reference = catalogues[defaultLocale];
const referenceKeys = Object.keys(reference).sort();

describe.each(locales.filter((locale) => locale !== defaultLocale))('the %s catalogue', (locale) => {
	const catalogue: Record<string, string> = catalogues[locale];

	it('has exactly the keys of the English catalogue', () => {
		expect(Object.keys(catalogue).sort()).toEqual(referenceKeys);
	});

	it.each(referenceKeys)('expects the same placeholders as English for %s', (key) => {
		expect(placeholders(catalogue[key] ?? '', locale)).toEqual(placeholders(reference[key as keyof typeof reference], 'en'));
	});
});

describe.each(locales)('every %s message', (locale) => {
	const catalogue: Record<string, string> = catalogues[locale];

	it.each(Object.keys(catalogue))('%s parses as ICU MessageFormat and is not empty', (key) => {
		const message = catalogue[key] ?? '';
		expect(message.trim()).not.toBe('');
		expect(() => new IntlMessageFormat(message, locale)).not.toThrow();
	});
});
