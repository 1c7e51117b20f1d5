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

/**
 * A BrowserLikeWebSocket class that also logs every raw frame both ways into `wire`
 * ({dir:'in'|'out', msg}), including the pings and auth errors the SDK swallows, and keeps the
 * open sockets in `sockets` so a test can see their close codes.
 */
export function tracingWebSocket(wire = [], sockets = []) {
	return class TracingWebSocket extends BrowserLikeWebSocket {
		constructor(url, protocols, options) {
			super(url, protocols, options);
			this.openedUrl = String(url);
			sockets.push(this);
			this.addEventListener('message', (e) => {
				let msg; try { msg = JSON.parse(e.data); } catch { msg = e.data; }
				wire.push({ dir: 'in', msg });
			});
		}

		send(data, ...rest) {
			let msg; try { msg = JSON.parse(data); } catch { msg = data; }
			wire.push({ dir: 'out', msg });
			return super.send(data, ...rest);
		}
	};
}
