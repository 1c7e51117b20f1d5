// A WebSocket class for the SDK on Node 20, which has no global WebSocket.
// `ws` emits every frame of one TCP read synchronously by default; the SDK re-arms its one-shot
// listeners in microtasks, so frames arriving together would be dropped. A browser dispatches each
// message as its own task: `allowSynchronousEvents: false` makes `ws` do the same.
import WebSocketBase from 'ws';

export class BrowserLikeWebSocket extends WebSocketBase {
	constructor(url, protocols, options = {}) {
		super(url, protocols, { ...options, allowSynchronousEvents: false });
	}
}
