// What a reader's PDF tools see in a briefing: its text (pdftotext) and its pages as PNG
// pictures (pdftoppm), both from Debian's poppler-utils, which .ci/run installs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PDF's text in reading order, with runs of white space (line breaks included) as one space. */
export function pdfText(pdf: Uint8Array): string {
	const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, maxBuffer: 16 * 1024 * 1024 }).toString('utf8');
	return text.replace(/\s+/g, ' ');
}

/** Writes each page as a 60 dpi PNG under a fresh directory; returns their paths. */
export function pdfPages(pdf: Uint8Array, name: string): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'briefing-pages-'));
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, pdf);
	execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, name)]);
	return readdirSync(dir)
		.filter((entry) => entry.endsWith('.png'))
		.sort()
		.map((entry) => join(dir, entry));
}
