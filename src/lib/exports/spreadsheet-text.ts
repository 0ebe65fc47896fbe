// Text written into a CSV that a spreadsheet will open: a cell starting with =, +, - or @
// would run as a formula (CSV injection), so it gets a leading quote mark, which
// spreadsheets show as text. Numbers are never text here, so a negative longitude stays a number.
export function spreadsheetText(text: string): string {
	return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
