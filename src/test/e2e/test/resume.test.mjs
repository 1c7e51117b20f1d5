// The resumable example, examples/resumable-articles.mjs, against the standalone jar: it keeps the
// last cursor, and when the server restarts it subscribes again with `since`. Every change the
// Reader may see is printed exactly once and in order: those made before the restart, those made
// while the program was away, and those after it reconnected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createItem, updateItem } from '@directus/sdk';
import { startServer, ADMIN } from '../server.mjs';
import { makeClient } from '../lib.mjs';
import { runProgram } from '../programs.mjs';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples');

let server;

before(async () => {
	if (!existsSync(resolve(examples, 'node_modules', '@directus', 'sdk'))) {
		throw new Error(`${examples}/node_modules is missing: run "cd examples && npm ci" first (.ci/run does)`);
	}
	server = await startServer();
});
after(async () => { await server?.stop(); });

async function admin() {
	const client = makeClient(server.url, { realtime: false });
	await client.login(ADMIN);
	return client;
}

test('across a server restart, the resumable example prints every change once, in order', async () => {
	const example = runProgram(examples, 'resumable-articles.mjs', { TIDINGS_URL: server.url });
	try {
		assert.ok((await example.expect('init')).length > 0);
		let writer = await admin();
		const one = await writer.request(createItem('articles', { title: 'Resume one', status: 'published' }));
		assert.deepEqual((await example.expect('create')).map((row) => row.title), ['Resume one']);

		await server.restart();
		writer = await admin();
		// made while the program is away, or reconnecting: it must get them after it resumes
		await writer.request(updateItem('articles', one.id, { title: 'Resume one, edited' }));
		await writer.request(createItem('articles', { title: 'Resume draft', status: 'draft' }));
		const two = await writer.request(createItem('articles', { title: 'Resume two', status: 'published' }));

		assert.equal((await example.next(30_000)).event, 'resumed');
		assert.deepEqual((await example.expect('update')).map((row) => row.title), ['Resume one, edited']);
		assert.deepEqual((await example.expect('create')).map((row) => row.id), [two.id]);

		const three = await writer.request(createItem('articles', { title: 'Resume three', status: 'published' }));
		assert.deepEqual((await example.expect('create')).map((row) => row.id), [three.id]);
		assert.ok(!example.lines.some((line) => line.includes('Resume draft')), example.lines.join('\n'));
	} finally {
		example.child.kill('SIGKILL');
	}
});
