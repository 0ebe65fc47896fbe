// Which statements of a traced request the raw-SQL replay times: the data statements, not
// the transaction control (the replay runs its own transaction) nor the per-request setup
// (the viewer's set_config, a read of the data version), which it replays untimed.

const CONTROL = /^(begin|commit|rollback|end|savepoint|release|set|reset|listen|unlisten|discard|deallocate|start transaction)\b/i;
const SETTINGS_ONLY = /^select\s+set_config\s*\(/i;
const VERSION_READ = /\bfrom\s+atlas\.data_version\b/i;

/** @typedef {'control' | 'setup' | 'data'} StatementKind */

/**
 * The statement without leading comments and blank lines.
 * @param {string} query
 */
function body(query) {
	return query.replace(/^(\s*--[^\n]*\n|\s+)*/, '');
}

/**
 * @param {string} query
 * @returns {StatementKind}
 */
export function statementKind(query) {
	const text = body(query);
	if (CONTROL.test(text)) return 'control';
	// The viewer's settings, possibly with the data version read in the same statement
	// (viewer.sql): setup as long as nothing else is read.
	if (SETTINGS_ONLY.test(text) && !/\bfrom\b/i.test(text.replace(/\bfrom\s+atlas\.data_version\b/gi, ''))) return 'setup';
	if (VERSION_READ.test(text) && text.length < 400) return 'setup';
	return 'data';
}
