// Chaos: real processes, real sockets, PostgreSQL and Redis. A subscriber that keeps its last cursor
// and subscribes again with `since` after every disconnect must see every committed change exactly
// once and in order, whatever happens meanwhile: its connection is cut, the instance that writes is
// killed with SIGKILL and started again (alone, and beside the instance the subscriber is on), Redis
// restarts under two instances. A burst longer than
// the retention must get a fresh init, never a gap. Runs under TIDINGS_E2E_DB=pg, as .ci/run does.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createItem, readItems } from '@directus/sdk';
import { startServer, createDatabase, freePort, onPostgres, ADMIN, ADMIN_TOKEN } from '../server.mjs';
import { makeClient, sleep } from '../lib.mjs';

/** The subscribers of the running test, stopped after it whatever happens. */
const subscribers = [];

/**
 * A subscriber to the articles that resumes after every disconnect, with the SDK's own reconnect
 * off, as examples/resumable-articles.mjs does; it records every push and init it receives.
 */
function resumableSubscriber(url) {
	const state = { pushes: [], inits: [], cursor: undefined, stopped: false, client: undefined };
	const run = async () => {
		while (!state.stopped) {
			try {
				const client = makeClient(url, { token: ADMIN_TOKEN, realtime: { reconnect: false } });
				state.client = client;
				const closed = new Promise((res) => client.onWebSocket('close', res));
				client.onWebSocket('message', (m) => {
					if (m.type !== 'subscription' || m.uid !== 'chaos') return;
					(m.event === 'init' ? state.inits : state.pushes).push(m);
					state.cursor = m.cursor ?? state.cursor;
				});
				await client.connect();
				await client.subscribe('articles', {
					uid: 'chaos', event: 'create', query: { fields: ['id', 'title'] },
					...(state.cursor ? { since: state.cursor } : {}),
				});
				await closed;
			} catch { /* the server is away */ }
			// reconnect backoff, as a client would
			if (!state.stopped) await sleep(200);
		}
	};
	state.done = run();
	subscribers.push(state);
	state.cut = () => state.client?.disconnect();
	state.stop = async () => { state.stopped = true; state.client?.disconnect(); await state.done; };
	state.titles = () => state.pushes.flatMap((m) => m.data.map((row) => row.title));
	state.until = async (predicate, ms = 60_000) => {
		const deadline = Date.now() + ms;
		while (!predicate()) {
			if (Date.now() > deadline) throw new Error(`not within ${ms} ms; got ${JSON.stringify(state.titles())}`);
			await sleep(50);
		}
	};
	return state;
}

/** Creates the titled article, retrying while the server is away; the new row's id. */
async function createRetrying(url, title) {
	for (;;) {
		try {
			const admin = makeClient(url, { token: ADMIN_TOKEN, realtime: false });
			return (await admin.request(createItem('articles', { title, status: 'published' }))).id;
		} catch {
			await sleep(100);
		}
	}
}

/** The titles of the articles whose title starts with the prefix, as the database holds them, by id. */
async function committed(url, prefix) {
	const admin = makeClient(url, { token: ADMIN_TOKEN, realtime: false });
	const rows = await admin.request(readItems('articles', {
		fields: ['id', 'title'], filter: { title: { _starts_with: prefix } }, sort: ['id'], limit: -1,
	}));
	return rows.map((row) => row.title);
}

/** Every push came once, in order: the titles as committed, cursors strictly increasing. */
function assertExactlyOnceInOrder(subscriber, expected) {
	assert.deepEqual(subscriber.titles(), expected);
	const sequences = subscriber.pushes.map((m) => Number(m.cursor.split('-')[1]));
	for (let i = 1; i < sequences.length; i++) assert.ok(sequences[i] > sequences[i - 1], `cursors in order: ${sequences}`);
}

/**
 * A redis-server of the test's own on a free port, without persistence, so that killing it
 * (SIGKILL) and starting it again touches nothing else on the machine.
 */
async function privateRedis() {
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
	let process;
	const answers = async () => {
		const deadline = Date.now() + 10_000;
		for (;;) {
			const probe = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
			let out = '';
			probe.stdout.on('data', (d) => { out += d; });
			await new Promise((res) => probe.on('close', res));
			if (out.includes('PONG')) return;
			if (Date.now() > deadline) throw new Error('redis-server did not start');
			await sleep(100);
		}
	};
	const redis = {
		url: `redis://127.0.0.1:${port}`,
		start: async () => {
			process = spawn('redis-server', args, { stdio: 'ignore' });
			await answers();
		},
		kill: async () => {
			if (!process || process.exitCode !== null || process.signalCode !== null) return;
			const closed = new Promise((res) => process.on('close', res));
			process.kill('SIGKILL');
			await closed;
		},
	};
	await redis.start();
	return redis;
}

describe('chaos', { skip: !onPostgres && 'set TIDINGS_E2E_DB=pg (and have redis-server) to run' }, () => {
	const servers = [];
	afterEach(async () => {
		for (const subscriber of subscribers.splice(0)) await subscriber.stop();
		for (const s of servers.splice(0)) await s.stop();
	});

	test('a subscriber whose connection is cut mid-stream sees every change once, in order', async () => {
		const server = await startServer();
		servers.push(server);
		const subscriber = resumableSubscriber(server.url);
		await subscriber.until(() => subscriber.inits.length === 1);
		let cuts = 0;
		for (let i = 0; i < 60; i++) {
			await createRetrying(server.url, `Cut ${i}`);
			if (i % 15 === 7) {
				// each cut lands on a live connection: the one after the previous cut is back
				await subscriber.until(() => subscriber.inits.length === cuts + 1);
				subscriber.cut();
				cuts++;
			}
		}
		const expected = await committed(server.url, 'Cut ');
		await subscriber.until(() => subscriber.titles().length >= expected.length);
		await subscriber.stop();
		assert.equal(subscriber.inits.length, cuts + 1, 'it reconnected after each cut');
		assert.ok(subscriber.inits.slice(1).every((m) => m.resumed === true));
		assertExactlyOnceInOrder(subscriber, expected);
	});

	test('kill -9 of the writing instance mid-stream, then a restart: every committed change once, in order', async () => {
		const server = await startServer();
		servers.push(server);
		const subscriber = resumableSubscriber(server.url);
		await subscriber.until(() => subscriber.inits.length === 1);
		const writer = (async () => {
			for (let i = 0; i < 80; i++) await createRetrying(server.url, `Crash ${String(i).padStart(2, '0')}`);
		})();
		await subscriber.until(() => subscriber.titles().length >= 20);
		await server.crash();
		await server.relaunch();
		await writer;
		const expected = await committed(server.url, 'Crash ');
		await subscriber.until(() => subscriber.titles().length >= expected.length);
		await subscriber.stop();
		assert.ok(expected.length >= 80);
		assertExactlyOnceInOrder(subscriber, expected);
	});

	/**
	 * Runs the body against two instances, A and B, on a fresh database and a Redis of the test's
	 * own, with a resumable subscriber on B that has had its init; everything stops afterwards.
	 */
	async function withTwoInstances(body) {
		const redis = await privateRedis();
		const database = createDatabase();
		try {
			const env = { WEBSOCKETS_BROKER_URL: redis.url };
			const a = await startServer(env, { database });
			servers.push(a);
			const b = await startServer(env, { database });
			servers.push(b);
			const subscriber = resumableSubscriber(b.url);
			await subscriber.until(() => subscriber.inits.length === 1);
			await body({ a, b, redis, subscriber });
		} finally {
			await redis.kill();
			for (const s of servers.splice(0)) await s.stop();
			database.drop();
		}
	}

	test('kill -9 of the writing instance of two, mid-stream: the other one delivers every committed change once, in order', () =>
		withTwoInstances(async ({ a, b, subscriber }) => {
			const writer = (async () => {
				for (let i = 0; i < 80; i++) await createRetrying(a.url, `Fall ${String(i).padStart(2, '0')}`);
			})();
			await subscriber.until(() => subscriber.titles().length >= 20);
			// whatever A committed but had not published yet, B reads from the log
			await a.crash();
			await a.relaunch();
			await writer;
			const expected = await committed(b.url, 'Fall ');
			await subscriber.until(() => subscriber.titles().length >= expected.length);
			await subscriber.stop();
			assert.ok(expected.length >= 80);
			assert.equal(subscriber.inits.length, 1, "B's subscriber never lost its connection");
			assertExactlyOnceInOrder(subscriber, expected);
		}));

	test('Redis restarts under two instances during a write stream: every change once, in order', () =>
		withTwoInstances(async ({ a, b, redis, subscriber }) => {
			for (let i = 0; i < 60; i++) {
				await createRetrying(a.url, `Outage ${String(i).padStart(2, '0')}`);
				if (i === 20) await redis.kill();
				if (i === 40) await redis.start();
			}
			const expected = await committed(a.url, 'Outage ');
			try {
				await subscriber.until(() => subscriber.titles().length >= expected.length);
			} catch (e) {
				for (const [name, server] of [['A', a], ['B', b]]) {
					console.log(`--- ${name}:\n${server.log().split('\n').filter((l) => /WARN|ERROR|Exception/.test(l)).slice(-40).join('\n')}`);
				}
				console.log(`--- expected ${JSON.stringify(expected)}`);
				throw e;
			}
			await subscriber.stop();
			assertExactlyOnceInOrder(subscriber, expected);
		}));

	test('a burst longer than the retention gets a fresh init, never a gap', async () => {
		const server = await startServer({ TIDINGS_CHANGELOG_RETENTIONEVENTS: '10' });
		servers.push(server);
		const reader = makeClient(server.url, { token: ADMIN_TOKEN, realtime: { reconnect: false } });
		const frames = [];
		reader.onWebSocket('message', (m) => { if (m.type === 'subscription') frames.push(m); });
		await reader.connect();
		await reader.subscribe('articles', { uid: 'burst', event: 'create', query: { fields: ['id'] } });
		const waitFor = async (predicate) => {
			const deadline = Date.now() + 20_000;
			while (!frames.some(predicate)) {
				if (Date.now() > deadline) throw new Error(`no such frame in ${JSON.stringify(frames)}`);
				await sleep(50);
			}
			return frames.find(predicate);
		};
		// a write before the init may commit before the subscription exists
		await waitFor((m) => m.event === 'init');
		await createRetrying(server.url, 'Burst first');
		const seen = (await waitFor((m) => m.event === 'create')).cursor;
		reader.disconnect();
		for (let i = 0; i < 30; i++) await createRetrying(server.url, `Burst ${i}`);

		const again = makeClient(server.url, { token: ADMIN_TOKEN, realtime: { reconnect: false } });
		const answers = [];
		again.onWebSocket('message', (m) => { if (m.type === 'subscription') answers.push(m); });
		await again.connect();
		await again.subscribe('articles', { uid: 'again', since: seen, query: { fields: ['id', 'title'], limit: -1 } });
		const deadline = Date.now() + 20_000;
		while (!answers.length && Date.now() < deadline) await sleep(50);
		again.disconnect();
		assert.equal(answers[0]?.event, 'init');
		assert.equal(answers[0].resumed, false);
		const titles = answers[0].data.map((row) => row.title);
		for (let i = 0; i < 30; i++) assert.ok(titles.includes(`Burst ${i}`), `the fresh init holds Burst ${i}`);
	});
});
