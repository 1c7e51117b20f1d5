// Realtime with WEBSOCKETS_REST_AUTH=strict: the SDK's strict mode puts the token in the URL
// and sends no auth message; without a token the upgrade is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, EDITOR, READER } from '../server.mjs';
import { makeClient, recordFrames, sleep } from '../lib.mjs';
import { tracingWebSocket } from '../ws.mjs';

let server;
const open = [];

function rtClient(realtimeConfig) {
	const wire = [];
	const sockets = [];
	const client = makeClient(server.url, { realtime: realtimeConfig, WebSocket: tracingWebSocket(wire, sockets) });
	const rec = recordFrames(client);
	open.push(client);
	return { client, rec, wire, sockets };
}

before(async () => { server = await startServer({ WEBSOCKETS_REST_AUTH: 'strict' }); });
after(async () => {
	for (const c of open) c.disconnect();
	await server?.stop();
});

test('strict: token in ?access_token=, no auth message, the first frame is the init', async () => {
	const { client, wire, sockets } = rtClient({ authMode: 'strict' });
	await client.login(READER);
	await client.connect();
	assert.equal(new URL(sockets[0].openedUrl).searchParams.get('access_token'), await client.getToken());
	const { subscription } = await client.subscribe('articles', { query: { fields: ['id', 'status'], filter: { status: { _eq: 'published' } } } });
	const init = (await subscription.next()).value;
	assert.equal(init.event, 'init');
	assert.equal(init.data.length, 12);
	assert.deepEqual(wire[0].msg.type, 'subscribe', 'nothing but the subscribe was sent');
	assert.deepEqual(wire[1].msg, init, 'the init is the first frame');
	client.disconnect();
});

test('strict: without a token connect() fails (upgrade refused)', async () => {
	const { client, sockets } = rtClient({ authMode: 'strict', reconnect: false });
	await assert.rejects(client.connect());
	await sleep(100);
	assert.equal(sockets.length, 1);
	assert.notEqual(sockets[0].readyState, 1);
});

test('strict: an invalid token in the URL is refused', async () => {
	const { client } = rtClient({ authMode: 'strict', reconnect: false });
	await client.setToken('not-a-token');
	await assert.rejects(client.connect());
});

test('strict: the Editor can do items over the socket', async () => {
	const { client, rec } = rtClient({ authMode: 'strict' });
	await client.login(EDITOR);
	await client.connect();
	client.sendMessage({ type: 'items', collection: 'articles', action: 'read', id: 1, query: { fields: ['id'] } });
	assert.deepEqual(await rec.waitFor((f) => f.uid === '1'), { type: 'items', data: { id: 1 }, uid: '1' });
	client.disconnect();
});
