// REST over @directus/sdk: auth flows, readMe, readItems query variants, CRUD, errors and the
// permission cases of the demo roles, against the standalone jar.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	readMe, readUsers, readItems, readItem, createItem, createItems, updateItem, updateItems, deleteItem, deleteItems,
	aggregate, isDirectusError, refresh, logout, login,
} from '@directus/sdk';
import { startServer, ADMIN, EDITOR, READER } from '../server.mjs';
import { makeClient, cookieJarFetch } from '../lib.mjs';

let server;
let admin; let editor; let reader; let anon;

/** The user id of an e-mail, read by the admin (demo roles may not read directus_users). */
async function userId(email) {
	const [u] = await admin.request(readUsers({ filter: { email: { _eq: email } }, fields: ['id'] }));
	return u.id;
}

/** Runs fn, expects a DirectusError with the code; returns the error. */
async function rejectsWith(fn, code, status) {
	try {
		await fn();
	} catch (e) {
		assert.ok(isDirectusError(e), `expected a DirectusError, got ${e?.stack ?? JSON.stringify(e)}`);
		assert.equal(e.errors?.[0]?.extensions?.code, code, JSON.stringify(e.errors));
		if (status) assert.equal(e.response?.status, status);
		return e;
	}
	assert.fail(`expected ${code}`);
}

before(async () => {
	server = await startServer();
	admin = makeClient(server.url, { realtime: false });
	editor = makeClient(server.url, { realtime: false });
	reader = makeClient(server.url, { realtime: false });
	anon = makeClient(server.url, { realtime: false });
	await admin.login(ADMIN);
	await editor.login(EDITOR);
	await reader.login(READER);
});
after(async () => { await server?.stop(); });

describe('authentication', () => {
	test('json mode login returns tokens, readMe answers the user, refresh rotates, logout ends the session', async () => {
		const c = makeClient(server.url, { realtime: false });
		const data = await c.login(EDITOR);
		assert.equal(typeof data.access_token, 'string');
		assert.equal(typeof data.refresh_token, 'string');
		assert.equal(typeof data.expires, 'number');
		// Directus answers only {id} to /users/me when the role may not read directus_users
		const me = await c.request(readMe({ fields: ['id', 'email'] }));
		assert.deepEqual(me, { id: await userId(EDITOR.email) });

		const refreshed = await c.refresh();
		assert.notEqual(refreshed.refresh_token, data.refresh_token);
		assert.equal(typeof refreshed.access_token, 'string');
		assert.equal((await c.request(readMe())).id, me.id);

		await c.logout();
		assert.equal(await c.getToken(), null);
		// the old refresh token is dead after logout
		const r = await fetch(`${server.url}/auth/refresh`, {
			method: 'POST', headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ refresh_token: refreshed.refresh_token, mode: 'json' }),
		});
		assert.equal(r.status, 401);
	});

	test('cookie mode (the SDK default) keeps the refresh token in a cookie and refreshes with it', async () => {
		const jarFetch = cookieJarFetch();
		const c = makeClient(server.url, { mode: 'cookie', fetch: jarFetch, realtime: false });
		const data = await c.login(READER);
		assert.equal(typeof data.access_token, 'string');
		assert.ok(!data.refresh_token, 'cookie mode login body carries no refresh token');
		assert.ok(jarFetch.jar.has('directus_refresh_token'), 'refresh cookie set');
		const before = jarFetch.jar.get('directus_refresh_token');

		const refreshed = await c.refresh();
		assert.equal(typeof refreshed.access_token, 'string');
		assert.notEqual(jarFetch.jar.get('directus_refresh_token'), before, 'refresh rotates the cookie');
		assert.equal((await c.request(readMe())).id, await userId(READER.email));

		const last = jarFetch.jar.get('directus_refresh_token');
		await c.logout();
		assert.ok(!jarFetch.jar.has('directus_refresh_token'), 'logout clears the cookie');
		// no cookie left: Directus's "The refresh token is required in either the payload or cookie"
		await rejectsWith(() => c.refresh(), 'INVALID_PAYLOAD', 400);
		// the cookie from before logout is dead
		jarFetch.jar.set('directus_refresh_token', last);
		await rejectsWith(() => c.refresh(), 'INVALID_CREDENTIALS', 401);
	});

	test('the login/refresh/logout REST commands work as well as the composable', async () => {
		const c = makeClient(server.url, { realtime: false, token: null });
		const data = await c.request(login(ADMIN, { mode: 'json' }));
		assert.equal(typeof data.refresh_token, 'string');
		const r2 = await c.request(refresh({ mode: 'json', refresh_token: data.refresh_token }));
		assert.equal(typeof r2.access_token, 'string');
		await c.request(logout({ mode: 'json', refresh_token: r2.refresh_token }));
	});

	test('wrong password is INVALID_CREDENTIALS (401)', async () => {
		const c = makeClient(server.url, { realtime: false });
		await rejectsWith(() => c.login({ email: EDITOR.email, password: 'wrong-password' }), 'INVALID_CREDENTIALS', 401);
	});

	test('readMe for the admin', async () => {
		const me = await admin.request(readMe());
		assert.equal(me.email, ADMIN.email);
		assert.equal(me.status, 'active');
		assert.equal(me.password, '**********');
	});

	test('readMe anonymous is INVALID_CREDENTIALS (401), as in Directus', async () => {
		await rejectsWith(() => anon.request(readMe()), 'INVALID_CREDENTIALS', 401);
	});
});

describe('readItems', () => {
	test('all 20 seeded articles for the admin', async () => {
		const items = await admin.request(readItems('articles', { limit: -1 }));
		assert.equal(items.length, 20);
	});

	test('filter + fields + sort + limit', async () => {
		const items = await admin.request(readItems('articles', {
			filter: { status: { _eq: 'published' } }, fields: ['id', 'title', 'status'], sort: ['-id'], limit: 5,
		}));
		assert.equal(items.length, 5);
		for (const it of items) {
			assert.deepEqual(Object.keys(it).sort(), ['id', 'status', 'title']);
			assert.equal(it.status, 'published');
		}
		const ids = items.map((i) => i.id);
		assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
	});

	test('nested logical filter and offset/page', async () => {
		const all = await admin.request(readItems('articles', { fields: ['id'], sort: ['id'], limit: -1 }));
		const page2 = await admin.request(readItems('articles', { fields: ['id'], sort: ['id'], limit: 5, page: 2 }));
		assert.deepEqual(page2.map((i) => i.id), all.slice(5, 10).map((i) => i.id));
		const off = await admin.request(readItems('articles', { fields: ['id'], sort: ['id'], limit: 3, offset: 4 }));
		assert.deepEqual(off.map((i) => i.id), all.slice(4, 7).map((i) => i.id));
		const or = await admin.request(readItems('articles', {
			fields: ['id', 'status'], filter: { _or: [{ status: { _eq: 'draft' } }, { status: { _eq: 'archived' } }] }, limit: -1,
		}));
		assert.equal(or.length, 8);
	});

	test('search', async () => {
		const items = await admin.request(readItems('articles', { search: 'directus', fields: ['id', 'title', 'body'], limit: -1 }));
		assert.ok(items.length > 0);
		for (const it of items) assert.match(`${it.title} ${it.body}`, /directus/i);
	});

	test('meta total_count and filter_count (via the raw query)', async () => {
		const res = await admin.request(() => ({
			path: '/items/articles',
			params: { meta: '*', filter: JSON.stringify({ status: { _eq: 'draft' } }), limit: '1' },
			method: 'GET',
		}));
		// rest() unwraps `data`; meta is only reachable through a raw fetch
		assert.equal(res.length, 1);
		const r = await fetch(`${server.url}/items/articles?meta=*&limit=1&filter=${encodeURIComponent(JSON.stringify({ status: { _eq: 'draft' } }))}`,
			{ headers: { Authorization: `Bearer ${await admin.getToken()}` } });
		const body = await r.json();
		assert.deepEqual(body.meta, { total_count: 20, filter_count: 4 });
	});

	test('aggregate count grouped by status (readItems and aggregate())', async () => {
		const grouped = await admin.request(readItems('articles', { aggregate: { count: '*' }, groupBy: ['status'] }));
		const byStatus = Object.fromEntries(grouped.map((g) => [g.status, Number(g.count)]));
		assert.deepEqual(byStatus, { archived: 4, draft: 4, published: 12 });
		const viaAggregate = await admin.request(aggregate('articles', { aggregate: { count: '*', sum: 'views' } }));
		assert.equal(viaAggregate.length, 1);
		assert.equal(viaAggregate[0].count, 20);
		assert.equal(typeof viaAggregate[0].sum.views, 'number');
	});

	test('readItem by key', async () => {
		const it = await admin.request(readItem('articles', 1, { fields: ['id', 'title'] }));
		assert.deepEqual(Object.keys(it).sort(), ['id', 'title']);
		assert.equal(it.id, 1);
	});
});

describe('create / update / delete', () => {
	test('createItem, updateItem, deleteItem as admin', async () => {
		const created = await admin.request(createItem('articles', { title: 'SDK one', status: 'draft' }, { fields: ['id', 'title', 'status'] }));
		assert.equal(created.title, 'SDK one');
		assert.equal(typeof created.id, 'number');
		const updated = await admin.request(updateItem('articles', created.id, { title: 'SDK one b' }, { fields: ['id', 'title'] }));
		assert.deepEqual(updated, { id: created.id, title: 'SDK one b' });
		await admin.request(deleteItem('articles', created.id));
		await rejectsWith(() => admin.request(readItem('articles', created.id)), 'FORBIDDEN', 403);
	});

	test('createItems, updateItems (keys and query), deleteItems (keys and query)', async () => {
		const created = await admin.request(createItems('articles', [
			{ title: 'SDK batch a', status: 'draft' }, { title: 'SDK batch b', status: 'draft' }, { title: 'SDK batch c', status: 'draft' },
		], { fields: ['id', 'title'] }));
		assert.equal(created.length, 3);
		const ids = created.map((c) => c.id);
		const up = await admin.request(updateItems('articles', ids.slice(0, 2), { status: 'archived' }, { fields: ['id', 'status'] }));
		assert.deepEqual(up.map((u) => u.status), ['archived', 'archived']);
		const byQuery = await admin.request(updateItems('articles', { filter: { title: { _starts_with: 'SDK batch' } } }, { views: 7 }, { fields: ['id', 'views'] }));
		assert.equal(byQuery.length, 3);
		for (const u of byQuery) assert.equal(u.views, 7);
		await admin.request(deleteItems('articles', [ids[0]]));
		await admin.request(deleteItems('articles', { filter: { title: { _starts_with: 'SDK batch' } } }));
		const left = await admin.request(readItems('articles', { filter: { title: { _starts_with: 'SDK batch' } } }));
		assert.deepEqual(left, []);
	});
});

describe('errors', () => {
	test('INVALID_QUERY for a text operator on a timestamp', async () => {
		await rejectsWith(() => admin.request(readItems('articles', { filter: { published_at: { _contains: 'x' } } })), 'INVALID_QUERY', 400);
	});
	test('FORBIDDEN for an unknown field and an unknown collection', async () => {
		await rejectsWith(() => admin.request(readItems('articles', { filter: { nope: { _eq: 1 } } })), 'FORBIDDEN', 403);
		await rejectsWith(() => admin.request(readItems('no_such_collection')), 'FORBIDDEN', 403);
	});
	test('isDirectusError is false for non-API errors', () => {
		assert.equal(isDirectusError(new Error('x')), false);
	});
});

describe('permissions over the SDK', () => {
	test('Reader reads only published articles with four fields', async () => {
		const items = await reader.request(readItems('articles', { limit: -1 }));
		assert.equal(items.length, 12);
		for (const it of items) {
			assert.deepEqual(Object.keys(it).sort(), ['id', 'published_at', 'status', 'title']);
			assert.equal(it.status, 'published');
		}
	});
	test('Reader cannot read a draft, a hidden field, or write', async () => {
		const draft = (await admin.request(readItems('articles', { filter: { status: { _eq: 'draft' } }, fields: ['id'], limit: 1 })))[0];
		await rejectsWith(() => reader.request(readItem('articles', draft.id)), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(readItems('articles', { fields: ['body'] })), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(createItem('articles', { title: 'nope' })), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(updateItem('articles', 1, { title: 'nope' })), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(deleteItem('articles', 1)), 'FORBIDDEN', 403);
	});
	test('Editor reads all, creates, updates only its own, cannot delete', async () => {
		const all = await editor.request(readItems('articles', { limit: -1, fields: ['id'] }));
		assert.ok(all.length >= 20);
		const me = await editor.request(readMe({ fields: ['id'] }));
		const mine = await editor.request(createItem('articles', { title: 'Editor SDK', status: 'draft', author: me.id }, { fields: ['id', 'author'] }));
		assert.equal(mine.author, me.id);
		const upd = await editor.request(updateItem('articles', mine.id, { title: 'Editor SDK 2' }, { fields: ['title'] }));
		assert.equal(upd.title, 'Editor SDK 2');
		await rejectsWith(() => editor.request(updateItem('articles', 1, { title: 'not mine' })), 'FORBIDDEN', 403);
		await rejectsWith(() => editor.request(deleteItem('articles', mine.id)), 'FORBIDDEN', 403);
		await admin.request(deleteItem('articles', mine.id));
	});
	test('anonymous: articles are FORBIDDEN, the ping is public', async () => {
		await rejectsWith(() => anon.request(readItems('articles')), 'FORBIDDEN', 403);
		await rejectsWith(() => anon.request(createItem('articles', { title: 'anon' })), 'FORBIDDEN', 403);
	});
});
