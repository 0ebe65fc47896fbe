// Copying a share text: the clipboard when the browser grants it, else the text selected in
// its read-only field so the reader copies it with one key press (an http page, a denied
// permission, an old browser).
export type CopyOutcome = 'copied' | 'selected';

export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement): Promise<CopyOutcome> {
	try {
		await navigator.clipboard.writeText(text);
		return 'copied';
	} catch {
		field.focus();
		field.select();
		return 'selected';
	}
}
