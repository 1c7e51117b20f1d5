// The documentation's example program, examples/live-articles.mjs, run as its reader would run it:
// a child process against the standalone jar, logged in as the demo Reader and then with the
// Reader's static token. An admin changes articles over REST; the test reads the program's stdout
// line by line and checks each printed event, its data and keys, and that a draft never shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createItem, createItems, deleteItem, deleteItems, readUsers, updateItem, updateItems, updateUser } from '@directus/sdk';
import { startServer, ADMIN, READER } from '../server.mjs';
import { makeClient } from '../lib.mjs';
import { runProgram } from '../programs.mjs';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples');

let server;
let admin;

before(async () => {
	if (!existsSync(resolve(examples, 'node_modules', '@directus', 'sdk'))) {
		throw new Error(`${examples}/node_modules is missing: run "cd examples && npm ci" first (.ci/run does)`);
	}
	server = await startServer();
	admin = makeClient(server.url, { realtime: false });
	await admin.login(ADMIN);
});
after(async () => { await server?.stop(); });

/** Starts the example with TIDINGS_URL set to the server, and the given variables. */
function runExample(env) {
	return runProgram(examples, 'live-articles.mjs', { TIDINGS_URL: server.url, ...env });
}

const shown = ({ id, title, status }) => ({ id, title, status });
const byId = (rows) => [...rows].sort((a, b) => a.id - b.id);

/**
 * The changes every run watches, as the admin makes them: one of each kind, and batches that
 * include a draft, which the Reader may not see.
 */
async function changeArticlesAndCheckWhatIsPrinted(example, label) {
	const init = await example.expect('init');
	assert.ok(init.length > 0);
	for (const row of init) {
		assert.deepEqual(Object.keys(row).sort(), ['id', 'status', 'title']);
		assert.equal(row.status, 'published');
	}

	const one = await admin.request(createItem('articles', { title: `${label} one`, status: 'published' }));
	assert.deepEqual(await example.expect('create'), [shown(one)]);

	const draft = await admin.request(createItem('articles', { title: `${label} draft`, status: 'draft' }));
	await admin.request(updateItem('articles', one.id, { title: `${label} one, edited` }));
	// the draft's create printed nothing: the next line is the update
	assert.deepEqual(await example.expect('update'), [{ id: one.id, title: `${label} one, edited`, status: 'published' }]);

	const [two, three] = await admin.request(createItems('articles', [
		{ title: `${label} two`, status: 'published' }, { title: `${label} three`, status: 'published' },
	]));
	assert.deepEqual(byId(await example.expect('create')), byId([shown(two), shown(three)]));

	await admin.request(updateItems('articles', [two.id, three.id, draft.id], { title: `${label} batch` }));
	assert.deepEqual(byId(await example.expect('update')), byId([two, three].map(({ id }) => ({ id, title: `${label} batch`, status: 'published' }))));

	await admin.request(deleteItem('articles', one.id));
	assert.deepEqual(await example.expect('delete'), [one.id]);

	await admin.request(deleteItems('articles', [two.id, three.id, draft.id]));
	assert.deepEqual((await example.expect('delete')).sort((a, b) => a - b), [two.id, three.id].sort((a, b) => a - b));

	for (const line of example.lines) {
		assert.ok(!line.includes(`${label} draft`), `the draft was printed: ${line}`);
		const payload = JSON.parse(line.slice(line.indexOf(' ') + 1));
		assert.ok(!payload.some((entry) => entry === draft.id || entry?.id === draft.id), `the draft was printed: ${line}`);
	}
}

test('logged in as the Reader, it prints each change it may see and stops after TIDINGS_MAX_EVENTS', async () => {
	const example = runExample({ TIDINGS_MAX_EVENTS: '6' });
	try {
		await changeArticlesAndCheckWhatIsPrinted(example, 'Login');
		assert.deepEqual(await example.exited, { code: 0, signal: null });
	} finally {
		example.child.kill('SIGKILL');
	}
});

test('with the Reader\'s static token, it prints the same and stops on SIGINT', async () => {
	const [reader] = await admin.request(readUsers({ filter: { email: { _eq: READER.email } }, fields: ['id'] }));
	const token = 'reader-static-token-for-the-example';
	await admin.request(updateUser(reader.id, { token }));
	const example = runExample({ TIDINGS_TOKEN: token, TIDINGS_EMAIL: 'nobody@example.com', TIDINGS_PASSWORD: 'wrong' });
	try {
		await changeArticlesAndCheckWhatIsPrinted(example, 'Token');
		example.child.kill('SIGINT');
		assert.deepEqual(await example.exited, { code: 0, signal: null });
	} finally {
		example.child.kill('SIGKILL');
	}
});
