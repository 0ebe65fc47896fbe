// Preloaded into the portal by the load test (node --import), and only there: answers
// "memory" over the IPC channel with process.memoryUsage(), so the soak can chart the
// JavaScript heap and the Buffers (the tile cache holds gzipped bytes) next to the RSS
// it reads from /proc. Outside the load test there is no channel and this does nothing.
if (process.send) {
	process.on('message', (message) => {
		if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
	});
	// The channel must not keep the portal alive, nor change how it shuts down.
	process.channel?.unref();
}
