// Realtime with WEBSOCKETS_REST_AUTH=public and a 1 s heartbeat: anonymous sockets act as the
// public, a manual auth message upgrades them, and the SDK's pong keeps a socket alive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auth, createItem, deleteItem } from '@directus/sdk';
import { startServer, ADMIN, READER } from '../server.mjs';
import { makeClient, recordFrames, loginToken, sleep, withoutCursor } from '../lib.mjs';
import { tracingWebSocket } from '../ws.mjs';

let server;
let admin;
const open = [];

function rtClient(realtimeConfig) {
	const wire = [];
	const sockets = [];
	const client = makeClient(server.url, { realtime: realtimeConfig, WebSocket: tracingWebSocket(wire, sockets) });
	const rec = recordFrames(client);
	open.push(client);
	return { client, rec, wire, sockets };
}

before(async () => {
	server = await startServer({ WEBSOCKETS_REST_AUTH: 'public', WEBSOCKETS_HEARTBEAT_PERIOD: '1' });
	admin = makeClient(server.url, { realtime: false });
	await admin.login(ADMIN);
});
after(async () => {
	for (const c of open) c.disconnect();
	await server?.stop();
});

test('public mode: the SDK sends nothing on open; the anonymous socket reads as the public (articles FORBIDDEN)', async () => {
	const { client, wire } = rtClient({ authMode: 'public' });
	await client.connect();
	await sleep(200);
	assert.deepEqual(wire.filter((w) => w.dir === 'out' && w.msg.type !== 'pong'), []);
	const { subscription } = await client.subscribe('articles', { query: { fields: ['id'] } });
	await assert.rejects(subscription.next(), (e) => {
		assert.equal(e.type, 'subscribe');
		assert.equal(e.status, 'error');
		assert.equal(e.error.code, 'FORBIDDEN');
		assert.equal(e.uid, '1');
		return true;
	});
	client.disconnect();
});

test('public mode: a manual auth(...) through sendMessage answers auth ok, then the Reader subscribes', async () => {
	const { client, rec } = rtClient({ authMode: 'public' });
	await client.connect();
	const { access_token } = await loginToken(server.url, READER);
	// auth() returns a JSON string, which sendMessage sends verbatim: no uid, so none in the reply
	client.sendMessage(auth({ access_token }));
	const ok = await rec.waitFor((f) => f.type === 'auth');
	assert.deepEqual(ok, { type: 'auth', status: 'ok' });
	const { subscription } = await client.subscribe('articles', { query: { fields: ['id', 'title'] } });
	const init = (await subscription.next()).value;
	assert.equal(init.event, 'init');
	assert.equal(init.uid, '1');
	assert.equal(init.data.length, 12);
	client.disconnect();
});

test('public mode: a failed manual auth answers AUTH_FAILED, which the SDK swallows, and the socket stays public', async () => {
	const { client, rec, wire, sockets } = rtClient({ authMode: 'public' });
	await client.connect();
	// an AUTH_FAILED as the very first frame makes SDK 26 close the socket itself in public mode,
	// so talk first: an items read as the public is refused
	client.sendMessage({ type: 'items', collection: 'articles', action: 'read', query: { limit: 1 } });
	assert.equal((await rec.waitFor((f) => f.uid === '1')).error.code, 'FORBIDDEN');
	client.sendMessage(auth({ access_token: 'garbage' }));
	await sleep(500);
	const err = wire.find((w) => w.dir === 'in' && w.msg.type === 'auth');
	assert.equal(err.msg.status, 'error');
	assert.equal(err.msg.error.code, 'AUTH_FAILED');
	assert.equal(rec.frames.filter((f) => f.type === 'auth').length, 0, 'the SDK does not hand auth errors to listeners');
	assert.equal(sockets[0].readyState, 1, 'still open');
	assert.equal(sockets.length, 1);
	client.sendMessage({ type: 'items', collection: 'articles', action: 'read', query: { limit: 1 } });
	assert.equal((await rec.waitFor((f) => f.uid === '2')).error.code, 'FORBIDDEN', 'still the public');
	client.disconnect();
});

test('handshake-mode SDK against a public server still gets auth ok first', async () => {
	const { client, wire } = rtClient({});
	await client.login(READER);
	await client.connect();
	assert.equal(wire[0].msg.type, 'auth');
	assert.deepEqual(wire[1], { dir: 'in', msg: { type: 'auth', status: 'ok' } });
	client.disconnect();
});

test('heartbeat: server pings every second, the SDK answers pong and the socket stays open', async () => {
	const { client, rec, wire, sockets } = rtClient({});
	await client.login(ADMIN);
	await client.connect();
	const { subscription } = await client.subscribe('articles', { event: 'create', query: { fields: ['id'] } });
	assert.equal((await subscription.next()).value.event, 'init');
	await sleep(3500);
	const pings = wire.filter((w) => w.dir === 'in' && w.msg.type === 'ping');
	const pongs = wire.filter((w) => w.dir === 'out' && w.msg.type === 'pong');
	assert.ok(pings.length >= 2, `pings: ${JSON.stringify(wire)}`);
	for (const p of pings) assert.deepEqual(p.msg, { type: 'ping' });
	for (const p of pongs) assert.deepEqual(p.msg, { type: 'pong' });
	assert.equal(pongs.length, pings.length);
	assert.equal(rec.frames.filter((f) => f.type === 'ping').length, 0, 'the SDK swallows pings');
	assert.equal(sockets.length, 1, 'no reconnect happened');
	assert.equal(sockets[0].readyState, 1);
	// and the socket is still live: a create is pushed
	const next = subscription.next();
	const created = await admin.request(createItem('articles', { title: 'after pings', status: 'draft' }));
	assert.deepEqual(withoutCursor((await next).value), { type: 'subscription', event: 'create', data: [{ id: created.id }], collection: 'articles', keys: [created.id], key: created.id, uid: '1' });
	await admin.request(deleteItem('articles', created.id));
	client.disconnect();
});

test('heartbeat: a client that never answers is closed (1000) after a missed period', async () => {
	const { client, sockets } = rtClient({ heartbeat: false, reconnect: false });
	await client.login(ADMIN);
	const closed = new Promise((res) => client.onWebSocket('close', (e) => res(e)));
	await client.connect();
	const e = await Promise.race([closed, sleep(6000).then(() => null)]);
	assert.ok(e, 'closed by the heartbeat');
	assert.equal(e.code, 1000);
	assert.equal(sockets.length, 1);
});
