// The `feed` package writes titles and summaries as type="html" in CDATA: a feed reader
// renders them as HTML, so text from the data (a case title, a correction's reason) is
// escaped here, or a "<" in it would become markup in every subscriber's reader.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as the HTML a feed entry carries. */
export const atomHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Lines of plain text as one HTML summary, a line each. */
export const atomLines = (lines: readonly string[]) => lines.map(atomHtml).join('<br/>');
