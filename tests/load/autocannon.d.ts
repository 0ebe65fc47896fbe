// autocannon 8 ships no types (DefinitelyTyped's describe 7); run-load.mjs uses a few
// documented options and events of it, as an untyped module.
declare module 'autocannon';
