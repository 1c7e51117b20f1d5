// Two standalone jars as one cluster: one PostgreSQL database, Redis (REDIS, as Directus names it),
// a Reader subscribed through @directus/sdk on B sees a create made on A, once. Opt-in, as it needs
// both servers: runs under TIDINGS_E2E_DB=pg (as .ci/run does), with TIDINGS_E2E_REDIS or the
// machine's Redis on 127.0.0.1:6379; each run uses a stream key of its own.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createItem } from '@directus/sdk';
import { startServer, createDatabase, onPostgres, ADMIN, READER } from '../server.mjs';
import { makeClient } from '../lib.mjs';

const redis = process.env.TIDINGS_E2E_REDIS ?? 'redis://127.0.0.1:6379';

async function pull(it, ms = 10_000) {
	let t;
	const r = await Promise.race([it.next(), new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`nothing in ${ms} ms`)), ms); })]);
	clearTimeout(t);
	return r.value;
}

describe('two instances through Redis', { skip: !onPostgres && 'set TIDINGS_E2E_DB=pg (and have Redis) to run' }, () => {
	const stream = `tidings:e2e:${randomBytes(6).toString('hex')}`;
	let database;
	let a;
	let b;
	const clients = [];

	before(async () => {
		database = createDatabase();
		const env = { REDIS: redis, TIDINGS_CLUSTER_STREAMKEY: stream };
		a = await startServer(env, { database });
		b = await startServer(env, { database });
	});
	after(async () => {
		for (const c of clients) c.disconnect();
		await a?.stop();
		await b?.stop();
		database?.drop();
		// the machine's Redis is shared: leave no stream behind
		try { execFileSync('redis-cli', ['-u', redis, 'DEL', stream], { stdio: 'ignore' }); } catch { /* no redis-cli */ }
	});

	test('a create on A reaches a Reader subscribed on B once, and both report the cluster up', async () => {
		for (const server of [a, b]) {
			const health = await (await fetch(`${server.url}/actuator/health`)).json();
			assert.equal(health.status, 'UP', JSON.stringify(health));
			assert.equal(health.components.tidings.status, 'UP');
			assert.equal(health.components.tidings.details.connected, true);
			assert.equal(health.components.db.status, 'UP');
		}
		const admin = makeClient(a.url, { realtime: false });
		await admin.login(ADMIN);
		const reader = makeClient(b.url);
		clients.push(reader);
		await reader.login(READER);
		await reader.connect();
		const { subscription } = await reader.subscribe('articles', { event: 'create', query: { fields: ['id', 'title'] } });
		const it = subscription[Symbol.asyncIterator]();
		assert.equal((await pull(it)).event, 'init');

		const created = await admin.request(createItem('articles', { title: 'Written on A', status: 'published' }));
		const marker = await admin.request(createItem('articles', { title: 'Marker', status: 'published' }));

		assert.deepEqual((await pull(it)).data, [{ id: created.id, title: 'Written on A' }]);
		assert.deepEqual((await pull(it)).data, [{ id: marker.id, title: 'Marker' }]);
	});
});
