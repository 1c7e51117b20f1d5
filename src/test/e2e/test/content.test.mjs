// The content features of the Directus query language on the demo model (articles and their
// comments), through @directus/sdk against the standalone jar, as the demo roles: a nested write
// of an article with its comments, deep, alias and function fields in fields, filter, sort and
// groupBy, the SEARCH method, and a WebSocket items read and subscription filtered by a function.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readItems, readItem, createItem, aggregate, withSearch } from '@directus/sdk';
import { startServer, ADMIN, EDITOR, READER } from '../server.mjs';
import { makeClient, recordFrames } from '../lib.mjs';
import { tracingWebSocket } from '../ws.mjs';
import { tag, rejectsWith } from '../library.mjs';

let server;
let admin; let editor; let reader; let live;
const wire = [];
const t = tag();
let article;

before(async () => {
	server = await startServer();
	admin = makeClient(server.url, { realtime: false });
	editor = makeClient(server.url, { realtime: false });
	reader = makeClient(server.url, { realtime: false });
	live = makeClient(server.url, { realtime: {}, WebSocket: tracingWebSocket(wire) });
	await Promise.all([admin.login(ADMIN), editor.login(EDITOR), reader.login(READER)]);
	// the Editor writes an article and its comments in one request, one transaction
	article = await editor.request(createItem('articles', {
		title: `Parity ${t}`, status: 'published', published_at: '2031-03-09T10:00:00Z',
		comments: [{ body: `first ${t}` }, { body: `second ${t}` }, { body: `third ${t}` }],
	}, { fields: ['id', 'title', 'comments.body'] }));
});
after(async () => {
	live?.disconnect();
	await server?.stop();
});

const ours = { title: { _eq: `Parity ${t}` } };

test('a nested create stores the article and its comments together', async () => {
	assert.deepEqual(article.comments.map((c) => c.body).sort(), [`first ${t}`, `second ${t}`, `third ${t}`]);
	const comments = await admin.request(readItems('comments', { filter: { article: { _eq: article.id } }, fields: ['body'] }));
	assert.equal(comments.length, 3);
});

test('deep, alias and function fields shape one read', async () => {
	const read = await editor.request(readItem('articles', article.id, {
		fields: ['title', 'year(published_at)', 'count(comments)', 'latest.body'],
		alias: { latest: 'comments' },
		deep: { latest: { _sort: ['-id'], _limit: 1 } },
	}));
	assert.deepEqual(read, {
		title: `Parity ${t}`, published_at_year: 2031, comments_count: 3, latest: [{ body: `third ${t}` }],
	});
});

test('function fields filter, sort and group, within what each role may read', async () => {
	const busy = await editor.request(readItems('articles', {
		fields: ['title'], filter: { 'count(comments)': { _gte: 3 }, 'year(published_at)': { _eq: 2031 } },
		sort: ['-count(comments)'],
	}));
	assert.deepEqual(busy, [{ title: `Parity ${t}` }]);
	const grouped = await admin.request(aggregate('articles', {
		aggregate: { count: '*' }, groupBy: ['year(published_at)'], query: { filter: ours },
	}));
	assert.deepEqual(grouped, [{ published_at_year: 2031, count: 1 }]);
	const byMonth = await reader.request(readItems('articles', {
		fields: ['title'], filter: { ...ours, 'month(published_at)': { _eq: 3 } },
	}));
	assert.deepEqual(byMonth, [{ title: `Parity ${t}` }]);
	// the Reader may not read articles.comments, so may not count it either
	await rejectsWith(() => reader.request(readItems('articles', { filter: { 'count(comments)': { _gt: 0 } } })),
		'FORBIDDEN', 403);
});

test('SEARCH sends the query in the body', async () => {
	const found = await reader.request(withSearch(readItems('articles', { search: `Parity ${t}`, fields: ['title'] })));
	assert.deepEqual(found, [{ title: `Parity ${t}` }]);
});

test('a WebSocket read and a subscription filter by a function of a field', async () => {
	const rec = recordFrames(live);
	// logged in just before connecting, so the token is fresh however long the file took
	await live.login(ADMIN);
	await live.connect().catch((e) => assert.fail(`${e} after ${JSON.stringify(wire)}`));
	live.sendMessage({
		type: 'items', collection: 'articles', action: 'read', uid: 'read-by-day',
		query: { fields: ['title'], filter: { ...ours, 'day(published_at)': { _eq: 9 } } },
	});
	const read = await rec.waitFor((f) => f.uid === 'read-by-day');
	assert.deepEqual(read.data, [{ title: `Parity ${t}` }], JSON.stringify(read));
	const query = { fields: ['title'], filter: { title: { _starts_with: `Live ${t}` }, 'year(published_at)': { _eq: 2032 } } };
	await live.subscribe('articles', { query, uid: 'by-year' });
	await rec.waitFor((f) => f.uid === 'by-year' && f.event === 'init');
	await admin.request(createItem('articles', { title: `Live ${t} early`, published_at: '2031-12-31T23:59:59Z' }));
	await admin.request(createItem('articles', { title: `Live ${t} late`, published_at: '2032-01-01T00:00:00Z' }));
	const push = await rec.waitFor((f) => f.uid === 'by-year' && f.event === 'create');
	assert.deepEqual(push.data, [{ title: `Live ${t} late` }]);
	assert.equal(rec.frames.filter((f) => f.uid === 'by-year' && f.event === 'create').length, 1);
});
