// Two standalone jars as one cluster: one PostgreSQL database and Redis, named only by
// WEBSOCKETS_BROKER_URL (the name our users' documentation gives it; REDIS maps to the same setting,
// see StandaloneConfigurationTests): a Reader subscribed through @directus/sdk on B sees a create
// made on A, once. Opt-in, as it needs
// both servers: runs under TIDINGS_E2E_DB=pg (as .ci/run does), with TIDINGS_E2E_REDIS or the
// machine's Redis on 127.0.0.1:6379; each run uses a stream key of its own.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createItem } from '@directus/sdk';
import { startServer, createDatabase, onPostgres, ADMIN, ADMIN_TOKEN, READER } from '../server.mjs';
import { makeClient, recordFrames } from '../lib.mjs';

const redis = process.env.TIDINGS_E2E_REDIS ?? 'redis://127.0.0.1:6379';

describe('two instances through Redis', { skip: !onPostgres && 'set TIDINGS_E2E_DB=pg (and have Redis) to run' }, () => {
	const stream = `tidings:e2e:${randomBytes(6).toString('hex')}`;
	let database;
	let a;
	let b;
	const clients = [];

	before(async () => {
		database = createDatabase();
		// the stream key only keeps this run apart from others on the shared Redis
		const env = { WEBSOCKETS_BROKER_URL: redis, TIDINGS_CLUSTER_STREAMKEY: stream };
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

	/** Runs the body; on failure shows the end of both servers' logs, which stop() deletes. */
	const withLogs = (body) => async () => {
		try {
			await body();
		} catch (e) {
			for (const [name, server] of [['A', a], ['B', b]]) console.log(`--- server ${name}:\n${server.log().slice(-8000)}`);
			throw e;
		}
	};

	test('a create on A reaches a Reader subscribed on B once, and both report the cluster up', withLogs(async () => {
		for (const server of [a, b]) {
			const health = await (await fetch(`${server.url}/actuator/health`, {
				headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
			})).json();
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
		// every frame, recorded as it arrives (the SDK's iterator sees only what comes while it waits)
		const rec = recordFrames(reader);
		await reader.connect();
		await reader.subscribe('articles', { event: 'create', query: { fields: ['id', 'title'] } });
		await rec.waitFor((f) => f.type === 'subscription' && f.event === 'init', 20_000);

		const created = await admin.request(createItem('articles', { title: 'Written on A', status: 'published' }));
		const marker = await admin.request(createItem('articles', { title: 'Marker', status: 'published' }));
		await rec.waitFor((f) => f.event === 'create' && f.data[0].id === marker.id, 20_000);

		// the marker came after the create, so anything else would have come before it
		assert.deepEqual(rec.frames.filter((f) => f.event === 'create').map((f) => f.data), [
			[{ id: created.id, title: 'Written on A' }],
			[{ id: marker.id, title: 'Marker' }],
		]);
	}));

	test('an instance that has just started receives every change written on another at once', withLogs(async () => {
		const env = { WEBSOCKETS_BROKER_URL: redis, TIDINGS_CLUSTER_STREAMKEY: stream };
		const admin = makeClient(a.url, { realtime: false });
		await admin.login(ADMIN);
		// five fresh instances, twenty writes each, made the moment the newcomer serves
		for (let round = 0; round < 5; round++) {
			const fresh = await startServer(env, { database });
			try {
				const reader = makeClient(fresh.url);
				await reader.login(READER);
				const rec = recordFrames(reader);
				await reader.connect();
				await reader.subscribe('articles', { event: 'create', query: { fields: ['id'] } });
				await rec.waitFor((f) => f.type === 'subscription' && f.event === 'init', 20_000);
				const created = await Promise.all(Array.from({ length: 20 }, (_, i) => admin.request(
					createItem('articles', { title: `Round ${round} #${i}`, status: 'published' }))));
				const marker = await admin.request(createItem('articles', { title: `Round ${round} end`, status: 'published' }));
				await rec.waitFor((f) => f.event === 'create' && f.data[0].id === marker.id, 20_000);
				const pushed = rec.frames.filter((f) => f.event === 'create').flatMap((f) => f.data.map((row) => row.id));
				assert.deepEqual([...pushed].sort((x, y) => x - y), [...created.map((row) => row.id), marker.id].sort((x, y) => x - y),
					`round ${round}: every create once`);
				reader.disconnect();
			} finally {
				await fresh.stop();
			}
		}
	}));
});
