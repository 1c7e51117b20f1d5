// Nested relational writes through @directus/sdk against the lending library: createItem and
// updateItem take related items as objects (created without a key, updated with one), a
// to-many field as a list that replaces its members or as {create, update, delete} that changes
// only what it names; a dropped member whose key may not be null is deleted; one failing nested
// item writes nothing; and subscribers of a nested item's collection get its pushes.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readItem, readItems, updateItem, createItem } from '@directus/sdk';
import { startLibrary, realtimeAdmin, create, tag, rejectsWith } from '../library.mjs';

let server;
let admin;
const t = tag();

before(async () => { ({ server, admin } = await startLibrary()); });
after(async () => { await server?.stop(); });

describe('createItem and updateItem with nested items', () => {
	test('a to-one object is created, or updated when it carries a key, and linked', async () => {
		const book = await admin.request(createItem('books', {
			title: `Wizard ${t}`,
			author: { name: `Le Guin ${t}` },
			genres: [{ name: `Fantasy ${t}` }],
		}, { fields: ['id', 'author.id', 'author.name', 'genres.name'] }));
		assert.equal(book.author.name, `Le Guin ${t}`);
		assert.deepEqual(book.genres, [{ name: `Fantasy ${t}` }]);

		const renamed = await admin.request(updateItem('books', book.id, {
			author: { id: book.author.id, name: `Ursula ${t}` },
		}, { fields: ['author.id', 'author.name'] }));
		assert.deepEqual(renamed, { author: { id: book.author.id, name: `Ursula ${t}` } });
	});

	test('a to-many list replaces the members; the detailed form changes only what it names', async () => {
		const author = await create(admin, 'authors', { name: `Pratchett ${t}` });
		const kept = await create(admin, 'books', { title: `Mort ${t}`, author: author.id });
		const dropped = await create(admin, 'books', { title: `Eric ${t}`, author: author.id });

		const replaced = await admin.request(updateItem('authors', author.id, {
			books: [kept.id, { title: `Sourcery ${t}` }],
		}, { fields: ['books.title'] }));
		assert.deepEqual(replaced.books.map((b) => b.title).sort(), [`Mort ${t}`, `Sourcery ${t}`]);
		// the book's author may be null: dropping it unlinks it
		assert.equal((await admin.request(readItem('books', dropped.id, { fields: ['author'] }))).author, null);

		const altered = await admin.request(updateItem('authors', author.id, {
			books: { create: [{ title: `Guards ${t}` }], update: [{ id: kept.id, title: `Mort! ${t}` }], delete: [] },
		}, { fields: ['books.title'] }));
		assert.deepEqual(altered.books.map((b) => b.title).sort(), [`Guards ${t}`, `Mort! ${t}`, `Sourcery ${t}`]);
	});

	test('a dropped member whose key may not be null is deleted; nesting recurses', async () => {
		const list = await admin.request(createItem('reading_lists', {
			name: `Summer ${t}`,
			entries: [
				{ title: `first ${t}`, book: { title: `Deep ${t}`, author: { name: `Deeper ${t}` } } },
				{ title: `second ${t}` },
			],
		}, { fields: ['id', 'entries.id', 'entries.title', 'entries.book.author.name'] }));
		assert.equal(list.entries.length, 2);
		const first = list.entries.find((e) => e.title === `first ${t}`);
		assert.deepEqual(first.book, { author: { name: `Deeper ${t}` } });

		await admin.request(updateItem('reading_lists', list.id, { entries: [first.id] }));
		const left = await admin.request(readItems('list_entries', { fields: ['title'], filter: { title: { _ends_with: t } } }));
		assert.deepEqual(left, [{ title: `first ${t}` }]);
	});

	test('a failing nested item writes nothing', async () => {
		await rejectsWith(() => admin.request(createItem('reading_lists', {
			name: `Doomed ${t}`,
			entries: [{ title: `fine ${t}`, book: { title: `Doomed book ${t}` } }, { title: null }],
		})), 'FAILED_VALIDATION', 400);
		assert.deepEqual(await admin.request(readItems('reading_lists', { filter: { name: { _eq: `Doomed ${t}` } } })), []);
		assert.deepEqual(await admin.request(readItems('books', { filter: { title: { _eq: `Doomed book ${t}` } } })), []);
	});
});

describe('pushes of nested items', () => {
	// the recorded frames, not the subscription's iterator: a burst of pushes of one
	// transaction can arrive before the iterator is asked for the next one
	test('a subscriber of the nested collection sees its create, update and delete once', async () => {
		const list = await admin.request(createItem('reading_lists', {
			name: `Pushed ${t}`, entries: [{ title: `stays ${t}` }, { title: `goes ${t}` }],
		}, { fields: ['id', 'entries.id', 'entries.title'] }));
		const stays = list.entries.find((e) => e.title === `stays ${t}`);
		const goes = list.entries.find((e) => e.title === `goes ${t}`);
		const { client, rec } = await realtimeAdmin(server.url);
		try {
			await client.connect();
			await client.subscribe('list_entries', { query: { fields: ['id', 'title'], limit: 1 } });
			await rec.waitFor((f) => f.type === 'subscription' && f.event === 'init');
			const mark = rec.length;

			await admin.request(updateItem('reading_lists', list.id, {
				entries: { create: [{ title: `new ${t}` }], update: [{ id: stays.id, title: `stayed ${t}` }], delete: [goes.id] },
			}));
			await rec.waitFor((f) => f.event === 'delete', 5000, { from: mark });
			await rec.waitFor((f) => f.event === 'create', 5000, { from: mark });
			await rec.waitFor((f) => f.event === 'update', 5000, { from: mark });

			// a rolled back nested write pushes nothing: the marker comes next
			await rejectsWith(() => admin.request(updateItem('reading_lists', list.id, {
				entries: { create: [{ title: `rolled back ${t}` }, { title: null }] },
			})), 'FAILED_VALIDATION', 400);
			await admin.request(updateItem('list_entries', stays.id, { title: `marker ${t}` }));
			await rec.waitFor((f) => f.event === 'update' && f.data?.[0]?.title === `marker ${t}`, 5000, { from: mark });

			const pushes = rec.since(mark).filter((f) => f.type === 'subscription');
			assert.deepEqual(pushes.map((p) => p.event).sort(), ['create', 'delete', 'update', 'update']);
			const of = (event) => pushes.filter((p) => p.event === event);
			assert.deepEqual(of('create')[0].data.map((e) => e.title), [`new ${t}`]);
			assert.deepEqual(of('update')[0].data, [{ id: stays.id, title: `stayed ${t}` }]);
			assert.deepEqual(of('delete')[0].data.map(String), [String(goes.id)]);
			assert.equal(pushes.at(-1).data[0].title, `marker ${t}`);
		} finally {
			client.disconnect();
		}
	});
});
