// The lending library's pushes through @directus/sdk's realtime(): one administrator socket
// subscribes to each touched collection (books, genres, members, authors, reminders, staff,
// librarians, readings, workshops), a second client writes over REST, and each create, update
// and delete arrives on the matching subscription only, with the subscription's fields. Pushes of
// relation membership and of typed fields (enums, embedded) are in library-relations and
// library-types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { updateItem, deleteItem, readItems } from '@directus/sdk';
import { startLibrary, realtimeAdmin, create, pull, tag } from '../library.mjs';

let server;
let admin;
let socket;
const t = tag();

before(async () => {
	({ server, admin } = await startLibrary());
	socket = await realtimeAdmin(server.url);
	await socket.client.connect();
});
after(async () => {
	socket?.client.disconnect();
	await server?.stop();
});

/** Subscribes and consumes the init frame: { it, uid, init }. */
async function subscribe(collection, query) {
	const { subscription } = await socket.client.subscribe(collection, { query });
	const it = subscription[Symbol.asyncIterator]();
	const init = await pull(it);
	assert.equal(init.event, 'init', JSON.stringify(init));
	return { it, uid: init.uid, init };
}

/** The next push of a subscription, checked for event and collection; answers its data. */
async function next(sub, event, collection) {
	const frame = await pull(sub.it);
	assert.equal(frame.type, 'subscription', JSON.stringify(frame));
	assert.equal(frame.event, event, JSON.stringify(frame));
	assert.equal(frame.collection, collection, JSON.stringify(frame));
	return frame.data;
}

/**
 * Create, update and delete one item while subscribed to its collection: each push carries
 * the item with the subscribed fields (the key only for a delete).
 */
async function roundTrip(collection, fields, item, change) {
	const sub = await subscribe(collection, { fields, filter: { name: { _ends_with: t } } });
	let pushed = next(sub, 'create', collection);
	const created = await create(admin, collection, item);
	const expected = Object.fromEntries(fields.map((f) => [f, created[f]]));
	assert.deepEqual(await pushed, [expected]);

	pushed = next(sub, 'update', collection);
	await admin.request(updateItem(collection, created.id, change));
	assert.deepEqual(await pushed, [{ ...expected, ...change }]);

	pushed = next(sub, 'delete', collection);
	await admin.request(deleteItem(collection, created.id));
	assert.deepEqual((await pushed).map(String), [String(created.id)]);
}

test('books: create, update, delete pushes with the subscribed plain fields', async () => {
	const sub = await subscribe('books', { fields: ['id', 'title', 'pages', 'lendable'], filter: { title: { _ends_with: t } } });
	assert.deepEqual(sub.init.data, []);
	let pushed = next(sub, 'create', 'books');
	const book = await create(admin, 'books', { title: `Guards! Guards! ${t}`, pages: 288 });
	assert.deepEqual(await pushed, [{ id: book.id, title: `Guards! Guards! ${t}`, pages: 288, lendable: true }]);
	pushed = next(sub, 'update', 'books');
	await admin.request(updateItem('books', book.id, { pages: 300, lendable: false }));
	assert.deepEqual(await pushed, [{ id: book.id, title: `Guards! Guards! ${t}`, pages: 300, lendable: false }]);
	pushed = next(sub, 'delete', 'books');
	await admin.request(deleteItem('books', book.id));
	assert.deepEqual((await pushed).map(String), [String(book.id)]);
});

test('books: a filtered subscription gets only the rows its filter selects, entering and leaving', async () => {
	const sub = await subscribe('books', { fields: ['id', 'pages'], filter: { title: { _ends_with: t }, pages: { _gt: 200 } } });
	const mark = socket.rec.length;
	const short = await create(admin, 'books', { title: `Short ${t}`, pages: 90 });
	const pushed = next(sub, 'create', 'books');
	const long = await create(admin, 'books', { title: `Long ${t}`, pages: 900 });
	assert.deepEqual(await pushed, [{ id: long.id, pages: 900 }]);
	// the short book was never pushed: the long one's create is the first frame since the mark
	const since = socket.rec.since(mark).filter((f) => f.type === 'subscription' && f.uid === sub.uid);
	assert.deepEqual(since.map((f) => f.data[0].id ?? f.data[0]), [long.id]);
	// growing past the filter's bound is an update the subscription now sees
	const entered = next(sub, 'update', 'books');
	await admin.request(updateItem('books', short.id, { pages: 201 }));
	assert.deepEqual(await entered, [{ id: short.id, pages: 201 }]);
	for (const b of [short, long]) await admin.request(deleteItem('books', b.id));
});

test('books: a subscription expanding author.name pushes the author\'s name', async () => {
	const author = await create(admin, 'authors', { name: `Jemisin ${t}` });
	const sub = await subscribe('books', { fields: ['id', 'author.name'], filter: { title: { _ends_with: t }, author: { _nnull: true } } });
	const pushed = next(sub, 'create', 'books');
	const book = await create(admin, 'books', { title: `The Fifth Season ${t}`, author: author.id });
	assert.deepEqual(await pushed, [{ id: book.id, author: { name: `Jemisin ${t}` } }]);
	await admin.request(deleteItem('books', book.id));
	await admin.request(deleteItem('authors', author.id));
});

test('genres, authors, reminders and branches: create, update, delete pushes', async () => {
	await roundTrip('genres', ['id', 'name'], { name: `Horror ${t}` }, { name: `Gothic horror ${t}` });
	await roundTrip('authors', ['id', 'name', 'born'], { name: `Shelley ${t}`, born: '1797-08-30' }, { born: '1797-08-31' });
	await roundTrip('branches', ['id', 'name'], { name: `North ${t}` }, { name: `North End ${t}` });
	const sub = await subscribe('reminders', { fields: ['id', 'message', 'sent_on'], filter: { message: { _ends_with: t } } });
	const pushed = next(sub, 'create', 'reminders');
	const reminder = await create(admin, 'reminders', { message: `Overdue ${t}`, sent_on: '2026-02-01' });
	assert.deepEqual(await pushed, [{ id: reminder.id, message: `Overdue ${t}`, sent_on: '2026-02-01' }]);
});

test('members: pushes carry the UUID key', async () => {
	await roundTrip('members', ['id', 'name', 'reminder_days'], { name: `Tenar ${t}`, reminder_days: 2 }, { reminder_days: 4 });
});

test('staff and librarians (JOINED): each collection gets its own rows\' pushes', async () => {
	await roundTrip('staff', ['id', 'name'], { name: `Porter ${t}` }, { name: `Head porter ${t}` });
	await roundTrip('librarians', ['id', 'name', 'desk'], { name: `Kossil ${t}`, desk: 'Loans' }, { desk: 'Returns' });
});

test('readings and workshops (SINGLE_TABLE): each collection gets its own rows\' pushes', async () => {
	const author = await create(admin, 'authors', { name: `Atwood ${t}` });
	await roundTrip('readings', ['id', 'name', 'starts_at', 'author'], { name: `Evening reading ${t}`, starts_at: '2026-09-01T19:00:00', author: author.id },
		{ starts_at: '2026-09-02T19:30:00' });
	await roundTrip('workshops', ['id', 'name', 'seats'], { name: `Bookbinding ${t}`, seats: 8 }, { seats: 10 });
});

test('items messages over the socket create, read, update and delete a genre', async () => {
	const { client, rec } = socket;
	client.sendMessage({ type: 'items', collection: 'genres', action: 'create', data: { name: `Socket ${t}` }, query: { fields: ['id', 'name'] }, uid: 'g1' });
	const created = await rec.waitFor((f) => f.uid === 'g1');
	assert.equal(created.type, 'items', JSON.stringify(created));
	assert.equal(created.data.name, `Socket ${t}`);
	const { id } = created.data;
	client.sendMessage({ type: 'items', collection: 'genres', action: 'update', id, data: { name: `Socket 2 ${t}` }, query: { fields: ['name'] }, uid: 'g2' });
	assert.deepEqual((await rec.waitFor((f) => f.uid === 'g2')).data, { name: `Socket 2 ${t}` });
	client.sendMessage({ type: 'items', collection: 'genres', action: 'read', query: { fields: ['id'], filter: { name: { _eq: `Socket 2 ${t}` } } }, uid: 'g3' });
	assert.deepEqual((await rec.waitFor((f) => f.uid === 'g3')).data, [{ id }]);
	client.sendMessage({ type: 'items', collection: 'genres', action: 'delete', id, uid: 'g4' });
	await rec.waitFor((f) => f.uid === 'g4' || String(f) === String(id));
	assert.deepEqual(await admin.request(readItems('genres', { filter: { id: { _eq: id } } })), []);
});
