// A live list of published articles that never misses a change, across disconnects and server
// restarts: it keeps the cursor of the last message, turns the SDK's own reconnect off, and after
// any disconnect subscribes again with `since`, so Tidings replays what happened meanwhile, in
// order, once. If the server cannot honour the cursor (too old, or another database), it answers
// with a fresh `init` marked `resumed: false`, and the program starts its list over.
//
//   cd examples && npm ci && node resumable-articles.mjs
//
// Environment: TIDINGS_URL (default http://localhost:8055), TIDINGS_EMAIL and TIDINGS_PASSWORD
// (default the demo Reader, reader@example.com / reader-password-123).
//
// Prints one line per message: `init`, `resumed` or a change, then JSON, for example
//   init [{"id":1,"title":"Hello","status":"published"}]
//   create [{"id":4,"title":"News","status":"published"}]
//   resumed "3f2a9c1e-17"
//   update [{"id":4,"title":"More news","status":"published"}]
import { authentication, createDirectus, realtime } from '@directus/sdk';
import WebSocket from 'ws';

// as in live-articles.mjs: `ws` delivers one frame per task, as browsers do
class NodeWebSocket extends WebSocket {
	constructor(url, protocols, options = {}) {
		super(url, protocols, { ...options, allowSynchronousEvents: false });
	}
}

const url = process.env.TIDINGS_URL ?? 'http://localhost:8055';
const client = createDirectus(url, { globals: { WebSocket: NodeWebSocket } })
	.with(authentication('json'))
	.with(realtime({ reconnect: false }));
await client.login({
	email: process.env.TIDINGS_EMAIL ?? 'reader@example.com',
	password: process.env.TIDINGS_PASSWORD ?? 'reader-password-123',
});
const query = { fields: ['id', 'title', 'status'], filter: { status: { _eq: 'published' } } };

let cursor; // the place of the last message received
for (let attempt = 0; ; attempt++) {
	try {
		await client.connect();
		const { subscription } = await client.subscribe('articles', { query, ...(cursor ? { since: cursor } : {}) });
		attempt = 0;
		for await (const message of subscription) {
			if (message.event === 'init') {
				console.log(message.resumed ? `resumed ${JSON.stringify(cursor)}` : `init ${JSON.stringify(message.data)}`);
			}
			else if (message.event === 'delete') {
				console.log(`delete ${JSON.stringify(message.keys || [message.key])}`);
			}
			else {
				console.log(`${message.event} ${JSON.stringify(message.data)}`);
			}
			cursor = message.cursor ?? cursor;
		}
	}
	catch {
		// the server is away: try again below
	}
	// disconnected: back off a little (at most 5 s), then subscribe again after the cursor
	await new Promise((resume) => setTimeout(resume, Math.min(5000, 250 * 2 ** attempt)));
}
