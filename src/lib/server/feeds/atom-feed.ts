import { Feed } from 'feed';

export interface AtomFeedHead {
	/** Absolute address of the document itself (its Atom id and rel="self"). */
	self: string;
	title: string;
	description?: string;
	/** The page the feed follows (rel="alternate"). */
	link: string;
	language: string;
	origin: string;
	/** When the newest entry was published, or null for an empty feed. */
	newest: string | null;
}

/**
 * The portal's Atom feeds share a head: authored by the portal, no generator, and dated by
 * their newest entry rather than the request, so the same data gives the same document.
 */
export function atomFeed({ self, title, description, link, language, origin, newest }: AtomFeedHead): Feed {
	return new Feed({
		id: self,
		title,
		description,
		link,
		language,
		feedLinks: { atom: self },
		author: { name: 'Diversion Atlas', link: origin },
		updated: newest ? new Date(newest) : new Date(0),
		generator: false,
		copyright: 'Diversion Atlas'
	});
}
