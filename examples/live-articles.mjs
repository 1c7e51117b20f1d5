// A live list of published articles, kept up to date over Tidings' WebSocket with the official
// @directus/sdk, unmodified.
//
//   cd examples && npm ci && node live-articles.mjs
//
// Environment:
//   TIDINGS_URL         the server (default http://localhost:8055)
//   TIDINGS_EMAIL       who logs in (default the demo Reader, reader@example.com, which the
//                       standalone app creates with DEMO_CONTENT=true, as ./mvnw spring-boot:run does)
//   TIDINGS_PASSWORD    (default reader-password-123)
//   TIDINGS_TOKEN       a user's static token: used as it is, with no login
//   TIDINGS_MAX_EVENTS  stop after this many changes (create, update, delete); default: never
//
// Prints one line per message: the event and then JSON, for example
//   init [{"id":1,"title":"Hello","status":"published"}]
//   create [{"id":4,"title":"News","status":"published"}]
//   update [{"id":4,"title":"More news","status":"published"}]
//   delete [4,5]
// It stops, unsubscribing first, on SIGINT or SIGTERM, or after TIDINGS_MAX_EVENTS changes.
import { authentication, createDirectus, realtime, staticToken } from '@directus/sdk';
import WebSocket from 'ws';

// Node 20 has no WebSocket of its own, so the SDK gets the one of the `ws` package. `ws` would hand
// over all the frames of one network read at once, and the SDK, which listens for one message at
// a time, would miss some; `allowSynchronousEvents: false` delivers them one per task, as browsers do.
class NodeWebSocket extends WebSocket {
	constructor(url, protocols, options = {}) {
		super(url, protocols, { ...options, allowSynchronousEvents: false });
	}
}

const url = process.env.TIDINGS_URL ?? 'http://localhost:8055';
const token = process.env.TIDINGS_TOKEN;
const maxEvents = process.env.TIDINGS_MAX_EVENTS ? Number(process.env.TIDINGS_MAX_EVENTS) : Infinity;

const directus = createDirectus(url, { globals: { WebSocket: NodeWebSocket } });
const client = (token ? directus.with(staticToken(token)) : directus.with(authentication('json'))).with(realtime());

if (!token) {
	await client.login({
		email: process.env.TIDINGS_EMAIL ?? 'reader@example.com',
		password: process.env.TIDINGS_PASSWORD ?? 'reader-password-123',
	});
}

const { subscription, unsubscribe } = await client.subscribe('articles', {
	query: { fields: ['id', 'title', 'status'], filter: { status: { _eq: 'published' } } },
});

let stopping = false;
function stop() {
	if (stopping) return;
	stopping = true;
	unsubscribe();
	// exit once the socket is closed, so the unsubscribe goes out first
	client.onWebSocket('close', () => process.exit(0));
	client.disconnect();
	// and in any case soon, should the socket be between reconnects
	setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let changes = 0;
try {
	for await (const message of subscription) {
		switch (message.event) {
			case 'init':
			case 'create':
			case 'update':
				console.log(`${message.event} ${JSON.stringify(message.data)}`);
				break;
			case 'delete':
				// Tidings says which items a push is about: `keys`, and `key` when there is one
				console.log(`delete ${JSON.stringify(message.keys || [message.key])}`);
				break;
		}
		if (message.event !== 'init' && ++changes >= maxEvents) {
			stop();
		}
	}
}
catch (error) {
	// the SDK ends the subscription with the server's error message
	console.error('subscription failed:', JSON.stringify(error?.error ?? String(error)));
	process.exit(1);
}
if (!stopping) {
	console.error('connection lost');
	process.exit(1);
}
