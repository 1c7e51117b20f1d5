// Realtime with WEBSOCKETS_REST_AUTH=strict: the SDK's strict mode puts the token in the URL
// and sends no auth message; without a token the upgrade is refused. Access tokens live 3 s here,
// so the SDK's answer to TOKEN_EXPIRED (refresh over HTTP, re-send auth) is exercised too.
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

before(async () => { server = await startServer({ WEBSOCKETS_REST_AUTH: 'strict', ACCESS_TOKEN_TTL: '3s' }); });
after(async () => {
	for (const c of open) c.disconnect();
	await server?.stop();
});

test('strict: token in ?access_token=, no auth message, the first frame is the init', async () => {
	const { client, wire, sockets } = rtClient({ authMode: 'strict' });
	await client.login(READER);
	await client.connect();
	// with 3 s tokens getToken() refreshes on every call, so compare the token's subject, not the string
	const urlToken = new URL(sockets[0].openedUrl).searchParams.get('access_token');
	const subject = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()).id;
	assert.equal(subject(urlToken), subject(await client.getToken()));
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

test('token expiry: the SDK swallows TOKEN_EXPIRED, refreshes over HTTP, re-sends auth, and the socket goes on', async () => {
	const { client, rec, wire } = rtClient({ authMode: 'strict' });
	await client.login(EDITOR);
	await client.connect();
	const first = await client.getToken();
	const deadline = Date.now() + 10_000;
	while (!wire.some((w) => w.dir === 'in' && w.msg.type === 'auth' && w.msg.status === 'ok') && Date.now() < deadline) await sleep(100);
	const expired = wire.find((w) => w.dir === 'in' && w.msg.type === 'auth' && w.msg.status === 'error');
	assert.ok(expired, `TOKEN_EXPIRED received: ${JSON.stringify(wire)}`);
	assert.equal(expired.msg.error.code, 'TOKEN_EXPIRED');
	const i = wire.indexOf(expired);
	const reauth = wire.slice(i).find((w) => w.dir === 'out' && w.msg.type === 'auth');
	assert.ok(reauth.msg.access_token && reauth.msg.access_token !== first, 'a refreshed token was sent');
	assert.deepEqual(wire.slice(wire.indexOf(reauth)).find((w) => w.dir === 'in').msg, { type: 'auth', status: 'ok' });
	assert.equal(rec.frames.filter((f) => f.type === 'auth' && f.status === 'error').length, 0, 'swallowed by the SDK');
	client.sendMessage({ type: 'items', collection: 'articles', action: 'read', id: 1, query: { fields: ['id'] } });
	assert.deepEqual(await rec.waitFor((f) => f.type === 'items'), { type: 'items', data: { id: 1 }, uid: '1' });
	client.disconnect();
});
