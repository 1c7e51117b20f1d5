// The export query parameter against the standalone jar: a read answered as a file download.
// @directus/sdk has no helper for it (its utilsExport writes a file into the file library
// instead), so the downloads are plain fetches with the SDK client's token, checked against
// what the SDK's readItems answers for the same query.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readItems } from '@directus/sdk';
import { startServer, ADMIN, READER } from '../server.mjs';
import { makeClient } from '../lib.mjs';

let server;
let admin; let reader;

before(async () => {
	server = await startServer();
	admin = makeClient(server.url, { realtime: false });
	reader = makeClient(server.url, { realtime: false });
	await admin.login(ADMIN);
	await reader.login(READER);
});
after(async () => { await server?.stop(); });

async function download(client, path) {
	return fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${await client.getToken()}` } });
}

test('export=json downloads exactly the data readItems answers, without meta', async () => {
	const query = { fields: ['id', 'title', 'comments'], sort: ['id'], limit: 5 };
	const expected = await admin.request(readItems('articles', query));

	const r = await download(admin, '/items/articles?fields=id,title,comments&sort=id&limit=5&meta=*&export=json');

	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^application\/json; ?charset=utf-8$/);
	assert.match(r.headers.get('content-disposition'), /^attachment; filename="articles \d{8}-\d{6}\.json"$/);
	assert.deepEqual(JSON.parse(await r.text()), expected);
});

test('export=csv downloads only the reader\'s rows, text quoted', async () => {
	const rows = await reader.request(readItems('articles', { fields: ['id', 'title'], sort: ['id'], limit: -1 }));
	assert.ok(rows.length > 0, 'the demo seed has articles the reader may read');

	const r = await download(reader, '/items/articles?fields=id,title&sort=id&limit=-1&export=csv');

	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^text\/csv; ?charset=utf-8$/);
	const expected = ['"id","title"', ...rows.map((row) => `${row.id},"${row.title.replaceAll('"', '""')}"`)];
	assert.equal(await r.text(), expected.join('\n'));
});

test('export=csv flattens a related object into dotted columns', async () => {
	const rows = await admin.request(readItems('comments', { fields: ['id', 'article.id'], sort: ['id'] }));
	assert.ok(rows.length > 0, 'the demo seed has comments');

	const r = await download(admin, '/items/comments?fields=id,article.id&sort=id&export=csv');

	const expected = ['"id","article.id"', ...rows.map((row) => `${row.id},${row.article.id}`)];
	assert.equal(await r.text(), expected.join('\n'));
});

test('an unknown export format is INVALID_QUERY, not a file', async () => {
	const r = await download(admin, '/items/articles?export=pdf');

	assert.equal(r.status, 400);
	assert.equal(r.headers.get('content-disposition'), null);
	assert.equal((await r.json()).errors[0].extensions.code, 'INVALID_QUERY');
});
