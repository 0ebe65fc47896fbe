// JSON from a URL that follows a reactive getter: the previous request is aborted when the
// URL changes, and a failure is kept as words for the panel rather than swallowed.
import { untrack } from 'svelte';
import { fetchJson, isAbort } from './explorer-api.ts';

export class Loaded<T> {
	value = $state.raw<T | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);

	// A derived string: the request only restarts when the URL text changes, not whenever
	// something the getter reads is replaced by an equal value.
	#url: string | null;

	/** Must be constructed while a component initialises: it owns an $effect. */
	constructor(url: () => string | null, load: (url: string, signal: AbortSignal) => Promise<T> = fetchJson) {
		this.#url = $derived.by(url);
		$effect(() => {
			const target = this.#url;
			this.error = null;
			if (!target) {
				this.value = null;
				this.loading = false;
				return;
			}
			const controller = new AbortController();
			this.loading = true;
			// Untracked: whatever the loader reads must not restart the request, only the URL.
			untrack(() => load(target, controller.signal))
				.then((value) => (this.value = value))
				.catch((error: unknown) => {
					if (!isAbort(error)) this.error = error instanceof Error ? error.message : String(error);
				})
				.finally(() => {
					if (!controller.signal.aborted) this.loading = false;
				});
			return () => controller.abort();
		});
	}
}
