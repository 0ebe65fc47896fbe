/**
 * A link that cites another data release than the current one (`release=N`): the page says
 * so, and that its figures are the current release's (src/lib/server/releases/release-pin.ts).
 */
export interface ReleasePin {
	/** The release the link cites. */
	cited: number;
	/** When it was published (YYYY-MM-DD), or null: there is no such release. */
	citedOn: string | null;
	/** The release the page's figures come from. */
	current: number;
}
