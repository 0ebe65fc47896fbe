// Memory of the portal's whole process tree (the web server and whatever it forks: the
// embedded database's supervisor, workers of a custom server): VmRSS now and VmHWM (the
// kernel's high-water mark of each process's RSS) from /proc/<pid>/status.
import { readFileSync } from 'node:fs';
import { childPids } from '../../load/memory.mjs';

function treePids(pid) {
	const all = [pid];
	for (let i = 0; i < all.length; i++) all.push(...childPids(all[i]));
	return all;
}

function statusKiB(pid, field) {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** { rssMiB, hwmMiB, processes }: sums over the tree rooted at `pid`. */
export function treeMemory(pid) {
	const pids = treePids(pid);
	const sum = (field) => pids.reduce((n, p) => n + statusKiB(p, field), 0) / 1024;
	return { rssMiB: Math.round(sum('VmRSS') * 10) / 10, hwmMiB: Math.round(sum('VmHWM') * 10) / 10, processes: pids.length };
}

/**
 * Samples the tree's RSS every `everyMs` until stop() is called; stop() resolves with the
 * peak of the sampled sums and the summed high-water marks at the end.
 */
export function watchMemory(pid, everyMs = 1000) {
	let peak = treeMemory(pid).rssMiB;
	const timer = setInterval(() => (peak = Math.max(peak, treeMemory(pid).rssMiB)), everyMs);
	return {
		stop() {
			clearInterval(timer);
			const now = treeMemory(pid);
			return { peakRssMiB: Math.max(peak, now.rssMiB), hwmMiB: now.hwmMiB, rssMiB: now.rssMiB };
		}
	};
}
