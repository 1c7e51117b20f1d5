// Helpers of the library*.test.mjs files: the lending library host application
// (src/test/java/dev/tidings/library) served on its own, driven through @directus/sdk as its
// administrator. Each test file starts its own server with a fresh database and creates the rows
// it reads, so files and tests do not depend on each other's data.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createItem, isDirectusError } from '@directus/sdk';
import { startLibraryServer, ADMIN } from './server.mjs';
import { makeClient, recordFrames } from './lib.mjs';
import { tracingWebSocket } from './ws.mjs';

/** Starts the library and logs its administrator in: { server, admin } (admin: REST only). */
export async function startLibrary() {
	const server = await startLibraryServer();
	const admin = makeClient(server.url, { realtime: false });
	try {
		await admin.login(ADMIN);
	} catch (e) {
		await server.stop();
		throw e;
	}
	return { server, admin };
}

/** A logged-in administrator with a socket and its frames recorded: { client, rec, wire }. */
export async function realtimeAdmin(url) {
	const wire = [];
	const client = makeClient(url, { realtime: {}, WebSocket: tracingWebSocket(wire) });
	await client.login(ADMIN);
	const rec = recordFrames(client);
	return { client, rec, wire };
}

/** A short random suffix, so that rows a test creates are told apart from everything else. */
export const tag = () => randomBytes(4).toString('hex');

/** Runs fn, expects a DirectusError with the code (and status); returns its first error. */
export async function rejectsWith(fn, code, status) {
	try {
		await fn();
	} catch (e) {
		assert.ok(isDirectusError(e), `expected a DirectusError, got ${e?.stack ?? JSON.stringify(e)}`);
		assert.equal(e.errors?.[0]?.extensions?.code, code, JSON.stringify(e.errors));
		if (status) assert.equal(e.response?.status, status, JSON.stringify(e.errors));
		return e.errors[0];
	}
	assert.fail(`expected ${code}`);
}

/** Pulls the next value of a subscription's iterator, failing after ms. */
export async function pull(it, ms = 5000) {
	let t;
	const timeout = new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`iterator yielded nothing in ${ms} ms`)), ms); });
	try {
		return (await Promise.race([it.next(), timeout])).value;
	} finally {
		clearTimeout(t);
	}
}

/** Creates an item and answers it with every field (fields `*`). */
export const create = (admin, collection, item) => admin.request(createItem(collection, item));

/** Keys of a list of items, sorted, as strings (keys are numbers or UUIDs). */
export const keysOf = (items) => items.map((i) => String(i.id)).sort();

/** Sorted list of keys as strings, for comparing relation arrays regardless of order. */
export const sortedKeys = (keys) => keys.map(String).sort();
