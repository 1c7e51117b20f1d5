// A singleton of the lending library (library_settings) through @directus/sdk: readSingleton before
// and after its one item exists, updateSingleton as an upsert, the routes a singleton does not have,
// and SEARCH through withSearch, on the singleton and on a list.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	readSingleton, updateSingleton, readItems, createItem, createItems, updateItem, withSearch, customEndpoint,
} from '@directus/sdk';
import { startLibrary, rejectsWith, tag } from '../library.mjs';

let server;
let admin;
const t = tag();

before(async () => {
	({ server, admin } = await startLibrary());
});
after(async () => { await server?.stop(); });

describe('singleton', () => {
	test('readSingleton before the item exists answers its defaults with a null key', async () => {
		assert.deepEqual(await admin.request(readSingleton('library_settings')),
			{ id: null, library_name: 'Tidings Library', loan_days: 21, open_on_sunday: false });
		assert.deepEqual(await admin.request(readSingleton('library_settings', { fields: ['loan_days', 'notice'] })),
			{ loan_days: 21 });
	});

	test('updateSingleton creates the item once, then updates that same item', async () => {
		const created = await admin.request(updateSingleton('library_settings', { notice: `Closed ${t}` }));
		assert.equal(created.notice, `Closed ${t}`);
		assert.equal(created.loan_days, 21);
		assert.notEqual(created.id, null);
		const updated = await admin.request(updateSingleton('library_settings', { loan_days: 14 }, { fields: ['id', 'loan_days', 'notice'] }));
		assert.deepEqual(updated, { id: created.id, loan_days: 14, notice: `Closed ${t}` });
		assert.deepEqual(await admin.request(readSingleton('library_settings', { fields: ['id', 'loan_days'] })),
			{ id: created.id, loan_days: 14 });
		assert.equal((await admin.request(readItems('library_settings', { fields: ['id'] }))).id, created.id);
	});

	test('creating an item or naming one by key is a route that does not exist', async () => {
		await rejectsWith(() => admin.request(createItem('library_settings', { notice: 'x' })), 'ROUTE_NOT_FOUND', 404);
		await rejectsWith(() => admin.request(updateItem('library_settings', 1, { notice: 'x' })), 'ROUTE_NOT_FOUND', 404);
	});

	test('withSearch reads the singleton with the query in the body', async () => {
		await admin.request(updateSingleton('library_settings', { open_on_sunday: true }));
		assert.deepEqual(await admin.request(withSearch(readSingleton('library_settings', { fields: ['open_on_sunday'] }))),
			{ open_on_sunday: true });
	});
});

describe('SEARCH', () => {
	test('withSearch(readItems) answers as the same GET', async () => {
		await admin.request(createItems('genres', [{ name: `Saga ${t}` }, { name: `Myth ${t}` }, { name: `Fable ${t}` }]));
		const query = { fields: ['name'], filter: { name: { _ends_with: t } }, sort: ['-name'], limit: 2 };
		const searched = await admin.request(withSearch(readItems('genres', query)));
		assert.deepEqual(searched, [{ name: `Saga ${t}` }, { name: `Myth ${t}` }]);
		assert.deepEqual(searched, await admin.request(readItems('genres', query)));
	});

	test('keys in the body read those items; a body of another shape is INVALID_PAYLOAD', async () => {
		const genres = await admin.request(readItems('genres', { fields: ['id'], filter: { name: { _ends_with: t } }, sort: ['id'] }));
		const keys = genres.slice(0, 2).map((g) => g.id);
		const found = await admin.request(customEndpoint({
			path: '/items/genres', method: 'SEARCH', body: JSON.stringify({ keys, query: { fields: ['id'], sort: ['id'] } }),
		}));
		assert.deepEqual(found.map((g) => g.id), keys);
		await rejectsWith(() => admin.request(customEndpoint({ path: '/items/genres', method: 'SEARCH', body: JSON.stringify({ query: 'x' }) })),
			'INVALID_PAYLOAD', 400);
	});
});
