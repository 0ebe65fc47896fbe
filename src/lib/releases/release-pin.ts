/**
 * A link that cites another data release than the current one (`release=N`): the page says
 * so, and whether its figures are that release's (kept) or the current release's
 * (src/lib/server/releases/release-pin.ts).
 */
export interface ReleasePin {
	/** The release the link cites. */
	cited: number;
	/** When it was published (YYYY-MM-DD), or null: there is no such release. */
	citedOn: string | null;
	/** The current release. */
	current: number;
	/** Whether the view's figures are the cited release's, kept for it; else they are the current release's. */
	kept: boolean;
}
