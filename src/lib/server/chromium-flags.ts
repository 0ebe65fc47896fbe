// How Debian's Chromium runs on these machines, for the tests' browser and the server's PDF
// renderer alike: SwiftShader draws WebGL (the map) without a GPU; nothing phones home.
export const CHROMIUM_FLAGS: readonly string[] = [
	'--no-sandbox',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
