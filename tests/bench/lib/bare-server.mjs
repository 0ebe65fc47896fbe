// The yardstick for cached answers: a bare node:http server that serves recorded answers
// (status, headers, bytes) by path and does nothing else. Run as its own process so it
// does not share the bench's event loop with the load tool.
//   node tests/bench/lib/bare-server.mjs <answers.json> <port>   → prints "ready"
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const answers = new Map(
	Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([path, a]) => {
		const bytes = Buffer.from(a.body, 'base64');
		return [path, { status: a.status, headers: { ...a.headers, 'content-length': String(bytes.length) }, bytes }];
	})
);
createServer((req, res) => {
	const answer = answers.get(req.url);
	if (!answer) {
		res.writeHead(404).end();
		return;
	}
	res.writeHead(answer.status, answer.headers);
	res.end(answer.bytes);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
