// The lending library through @directus/sdk: plain fields read, filtered, sorted and written,
// the books' many-to-one to their author expanded and filtered through, the UUID key of members,
// and the collections of the two inheritance trees. Everything here works without the relation,
// type and validation work of issue 14 (library-relations, library-types, library-validation).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readItems, readItem, createItems, updateItem, deleteItem, aggregate } from '@directus/sdk';
import { startLibrary, rejectsWith, create, tag, keysOf } from '../library.mjs';

let server;
let admin;
const t = tag();
let leGuin; let pratchett; let earthsea; let tombs; let colour; let mort;

before(async () => {
	({ server, admin } = await startLibrary());
	leGuin = await create(admin, 'authors', { name: `Le Guin ${t}`, born: '1929-10-21' });
	pratchett = await create(admin, 'authors', { name: `Pratchett ${t}`, born: '1948-04-28' });
	[earthsea, tombs, colour, mort] = await admin.request(createItems('books', [
		{ title: `A Wizard of Earthsea ${t}`, author: leGuin.id, pages: 183, rating: 4.5, price: '12.50', isbn: `978-0-${t}-1`, lendable: true },
		{ title: `The Tombs of Atuan ${t}`, author: leGuin.id, pages: 163, rating: 4.25, price: '9.99', isbn: `978-0-${t}-2`, lendable: false },
		{ title: `The Colour of Magic ${t}`, author: pratchett.id, pages: 288, rating: 3.75, price: '8.00', isbn: `978-0-${t}-3` },
		{ title: `Mort ${t}`, author: pratchett.id, pages: 243, rating: 4.75, isbn: `978-0-${t}-4` },
	], { fields: ['id', 'title', 'author', 'pages'] }));
});
after(async () => { await server?.stop(); });

/** Only this file's books: every query below adds this condition. */
const ours = { title: { _ends_with: t } };

describe('read plain fields', () => {
	test('readItems with fields answers exactly those fields, of their JSON types', async () => {
		const items = await admin.request(readItems('books', {
			fields: ['id', 'title', 'pages', 'rating', 'lendable', 'price', 'isbn'], filter: ours, sort: ['id'],
		}));
		assert.equal(items.length, 4);
		for (const it of items) assert.deepEqual(Object.keys(it).sort(), ['id', 'isbn', 'lendable', 'pages', 'price', 'rating', 'title']);
		const first = items[0];
		assert.equal(first.id, earthsea.id);
		assert.equal(first.title, `A Wizard of Earthsea ${t}`);
		assert.equal(first.pages, 183);
		assert.equal(first.rating, 4.5);
		assert.equal(first.lendable, true);
		assert.equal(Number(first.price), 12.5);
		assert.equal(items[1].lendable, false);
		// the primitive's default, written by the entity itself
		assert.equal(items[2].lendable, true);
		assert.equal(items[3].price, null);
	});

	test('readItem by key, and a missing key is FORBIDDEN as in Directus', async () => {
		const book = await admin.request(readItem('books', tombs.id, { fields: ['id', 'title', 'pages'] }));
		assert.deepEqual(book, { id: tombs.id, title: `The Tombs of Atuan ${t}`, pages: 163 });
		await rejectsWith(() => admin.request(readItem('books', 987654)), 'FORBIDDEN', 403);
	});

	test('an unknown field is FORBIDDEN, a text operator on a number INVALID_QUERY', async () => {
		await rejectsWith(() => admin.request(readItems('books', { fields: ['id', 'no_such_field'] })), 'FORBIDDEN', 403);
		await rejectsWith(() => admin.request(readItems('books', { filter: { pages: { _contains: '1' } } })), 'INVALID_QUERY', 400);
	});
});

describe('filter and sort on plain fields', () => {
	const titles = (items) => items.map((i) => i.title.replace(` ${t}`, ''));

	test('numbers, booleans, text and decimals', async () => {
		const long = await admin.request(readItems('books', { fields: ['title'], filter: { ...ours, pages: { _gt: 200 } }, sort: ['pages'] }));
		assert.deepEqual(titles(long), ['Mort', 'The Colour of Magic']);
		const between = await admin.request(readItems('books', { fields: ['title'], filter: { ...ours, rating: { _between: [4, 4.6] } }, sort: ['-rating'] }));
		assert.deepEqual(titles(between), ['A Wizard of Earthsea', 'The Tombs of Atuan']);
		const notLendable = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, lendable: { _eq: false } } }));
		assert.deepEqual(keysOf(notLendable), keysOf([tombs]));
		const magic = await admin.request(readItems('books', { fields: ['title'], filter: { ...ours, title: { _icontains: 'MAGIC' } } }));
		assert.deepEqual(titles(magic), ['The Colour of Magic']);
		const cheap = await admin.request(readItems('books', { fields: ['title'], filter: { ...ours, price: { _lt: '10' } }, sort: ['price'] }));
		assert.deepEqual(titles(cheap), ['The Colour of Magic', 'The Tombs of Atuan']);
		const unpriced = await admin.request(readItems('books', { fields: ['title'], filter: { ...ours, price: { _null: true } } }));
		assert.deepEqual(titles(unpriced), ['Mort']);
		const either = await admin.request(readItems('books', {
			fields: ['title'], filter: { _and: [ours, { _or: [{ pages: { _lt: 170 } }, { rating: { _gte: 4.75 } }] }] }, sort: ['title'],
		}));
		assert.deepEqual(titles(either), ['Mort', 'The Tombs of Atuan']);
	});

	test('dates: an author born before 1940, born in a range', async () => {
		const early = await admin.request(readItems('authors', { fields: ['name', 'born'], filter: { name: { _ends_with: t }, born: { _lt: '1940-01-01' } } }));
		assert.deepEqual(early, [{ name: `Le Guin ${t}`, born: '1929-10-21' }]);
		const range = await admin.request(readItems('authors', { fields: ['id'], filter: { name: { _ends_with: t }, born: { _between: ['1948-01-01', '1948-12-31'] } } }));
		assert.deepEqual(keysOf(range), keysOf([pratchett]));
	});

	test('sort by several fields, descending, with limit and page', async () => {
		const sorted = await admin.request(readItems('books', { fields: ['title'], filter: ours, sort: ['author', '-pages'] }));
		assert.deepEqual(titles(sorted), ['A Wizard of Earthsea', 'The Tombs of Atuan', 'The Colour of Magic', 'Mort']);
		const page = await admin.request(readItems('books', { fields: ['title'], filter: ours, sort: ['-pages'], limit: 2, page: 2 }));
		assert.deepEqual(titles(page), ['A Wizard of Earthsea', 'The Tombs of Atuan']);
	});

	test('aggregate: books per author', async () => {
		const grouped = await admin.request(aggregate('books', { aggregate: { count: '*', sum: 'pages' }, groupBy: ['author'], query: { filter: ours } }));
		const byAuthor = Object.fromEntries(grouped.map((g) => [g.author, [Number(g.count), Number(g.sum.pages)]]));
		assert.deepEqual(byAuthor, { [leGuin.id]: [2, 346], [pratchett.id]: [2, 531] });
	});
});

describe('the many-to-one books.author', () => {
	test('is the author\'s key by default, the author with author.* and author.name', async () => {
		const plain = await admin.request(readItem('books', earthsea.id, { fields: ['id', 'author'] }));
		assert.deepEqual(plain, { id: earthsea.id, author: leGuin.id });
		const expanded = await admin.request(readItem('books', earthsea.id, { fields: ['id', 'author.*'] }));
		assert.equal(expanded.author.id, leGuin.id);
		assert.equal(expanded.author.name, `Le Guin ${t}`);
		assert.equal(expanded.author.born, '1929-10-21');
		const named = await admin.request(readItems('books', { fields: ['title', 'author.name'], filter: ours, sort: ['title'] }));
		assert.deepEqual(named.map((b) => b.author), [
			{ name: `Le Guin ${t}` }, { name: `Pratchett ${t}` }, { name: `Pratchett ${t}` }, { name: `Le Guin ${t}` },
		]);
	});

	test('filters and sorts through the relation', async () => {
		const byName = await admin.request(readItems('books', { fields: ['id'], filter: { author: { name: { _starts_with: 'Pratchett' } }, ...ours } }));
		assert.deepEqual(keysOf(byName), keysOf([colour, mort]));
		const byBirth = await admin.request(readItems('books', { fields: ['id'], filter: { author: { born: { _lt: '1940-01-01' } }, ...ours } }));
		assert.deepEqual(keysOf(byBirth), keysOf([earthsea, tombs]));
		const byKey = await admin.request(readItems('books', { fields: ['id'], filter: { author: { _eq: leGuin.id }, ...ours } }));
		assert.deepEqual(keysOf(byKey), keysOf([earthsea, tombs]));
		const sorted = await admin.request(readItems('books', { fields: ['id'], filter: ours, sort: ['-author.name', 'pages'] }));
		assert.deepEqual(sorted.map((b) => b.id), [mort.id, colour.id, tombs.id, earthsea.id]);
	});

	test('a write sets the relation by key; null clears it', async () => {
		const stray = await create(admin, 'books', { title: `Stray ${t}`, author: pratchett.id });
		const moved = await admin.request(updateItem('books', stray.id, { author: leGuin.id }, { fields: ['author.name'] }));
		assert.deepEqual(moved, { author: { name: `Le Guin ${t}` } });
		const cleared = await admin.request(updateItem('books', stray.id, { author: null }, { fields: ['id', 'author'] }));
		assert.deepEqual(cleared, { id: stray.id, author: null });
		await admin.request(deleteItem('books', stray.id));
	});
});

describe('create, update, delete plain fields', () => {
	test('a book is created, changed, deleted, and gone', async () => {
		const book = await create(admin, 'books', { title: `Small Gods ${t}`, pages: 284, rating: 4.5, lendable: false, price: '7.25' });
		assert.equal(typeof book.id, 'number');
		assert.equal(book.title, `Small Gods ${t}`);
		assert.equal(book.author, null);
		const changed = await admin.request(updateItem('books', book.id, { pages: 300, lendable: true }, { fields: ['id', 'title', 'pages', 'lendable'] }));
		assert.deepEqual(changed, { id: book.id, title: `Small Gods ${t}`, pages: 300, lendable: true });
		assert.equal((await admin.request(readItem('books', book.id, { fields: ['pages'] }))).pages, 300);
		await admin.request(deleteItem('books', book.id));
		await rejectsWith(() => admin.request(readItem('books', book.id)), 'FORBIDDEN', 403);
		assert.deepEqual(await admin.request(readItems('books', { filter: { title: { _eq: `Small Gods ${t}` } } })), []);
	});

	test('members have a generated UUID key that reads, filters and deletes', async () => {
		const member = await create(admin, 'members', { name: `Ged ${t}`, telephone: '+44 20 7946 0000', reminder_days: 5 });
		assert.match(member.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		assert.equal(member.reminder_days, 5);
		const read = await admin.request(readItem('members', member.id, { fields: ['id', 'name', 'telephone'] }));
		assert.deepEqual(read, { id: member.id, name: `Ged ${t}`, telephone: '+44 20 7946 0000' });
		const byKey = await admin.request(readItems('members', { fields: ['id'], filter: { id: { _in: [member.id] } } }));
		assert.deepEqual(byKey, [{ id: member.id }]);
		await admin.request(updateItem('members', member.id, { reminder_days: 1 }));
		assert.equal((await admin.request(readItem('members', member.id, { fields: ['reminder_days'] }))).reminder_days, 1);
		await admin.request(deleteItem('members', member.id));
		await rejectsWith(() => admin.request(readItem('members', member.id)), 'FORBIDDEN', 403);
	});

	test('reminders, genres and branches: plain collections', async () => {
		const reminder = await create(admin, 'reminders', { message: `Due soon ${t}`, sent_on: '2026-03-01' });
		assert.deepEqual(await admin.request(readItem('reminders', reminder.id, { fields: ['message', 'sent_on'] })),
			{ message: `Due soon ${t}`, sent_on: '2026-03-01' });
		const genre = await create(admin, 'genres', { name: `Fantasy ${t}` });
		assert.equal((await admin.request(updateItem('genres', genre.id, { name: `High fantasy ${t}` }, { fields: ['name'] }))).name, `High fantasy ${t}`);
		const branch = await create(admin, 'branches', { name: `Central ${t}` });
		assert.deepEqual(await admin.request(readItems('branches', { fields: ['id', 'name'], filter: { name: { _eq: `Central ${t}` } } })),
			[{ id: branch.id, name: `Central ${t}` }]);
		for (const [collection, item] of [['reminders', reminder], ['genres', genre], ['branches', branch]]) {
			await admin.request(deleteItem(collection, item.id));
		}
	});
});

describe('inheritance', () => {
	test('@MappedSuperclass: books inherit date_created (an Instant) and date_updated (a LocalDateTime)', async () => {
		// Spring Data's auditing stamps them (the library opts in), whatever the payload says
		const started = Date.now();
		const stamped = await create(admin, 'books', { title: `Stamped ${t}`, date_created: '2026-01-02T03:04:05.000Z', date_updated: '2026-01-02T04:05:06' });
		assert.match(stamped.date_created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		assert.ok(new Date(stamped.date_created).getTime() >= started - 60_000);
		assert.match(stamped.date_updated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
		const recent = await admin.request(readItems('books', { fields: ['id'], filter: { id: { _eq: stamped.id }, date_created: { _gte: new Date(started - 60_000).toISOString() } } }));
		assert.deepEqual(keysOf(recent), keysOf([stamped]));
		const touched = await admin.request(updateItem('books', stamped.id, { pages: 12 }, { fields: ['date_updated'] }));
		assert.ok(touched.date_updated > '2026-01-02T04:05:06', 'an update stamps date_updated');
		const sorted = await admin.request(readItems('books', { fields: ['id', 'date_updated'], filter: { ...ours, date_updated: { _nnull: true } }, sort: ['-date_updated'] }));
		assert.deepEqual(sorted.map((book) => book.date_updated), sorted.map((book) => book.date_updated).sort().reverse());
		assert.ok(keysOf(sorted).includes(String(stamped.id)));
		await admin.request(deleteItem('books', stamped.id));
	});

	test('JOINED: a librarian is read in librarians with its desk, and in staff', async () => {
		const clerk = await create(admin, 'staff', { name: `Clerk ${t}` });
		const librarian = await create(admin, 'librarians', { name: `Ogion ${t}`, desk: 'Reference' });
		assert.deepEqual(await admin.request(readItem('librarians', librarian.id, { fields: ['id', 'name', 'desk'] })),
			{ id: librarian.id, name: `Ogion ${t}`, desk: 'Reference' });
		const staff = await admin.request(readItems('staff', { fields: ['id', 'name'], filter: { name: { _ends_with: t } }, sort: ['id'] }));
		assert.deepEqual(staff, [{ id: clerk.id, name: `Clerk ${t}` }, { id: librarian.id, name: `Ogion ${t}` }]);
		const librarians = await admin.request(readItems('librarians', { fields: ['id'], filter: { name: { _ends_with: t } } }));
		assert.deepEqual(keysOf(librarians), keysOf([librarian]));
	});

	test('SINGLE_TABLE: readings and workshops share library_events', async () => {
		const reading = await create(admin, 'readings', { name: `Reading ${t}`, starts_at: '2026-05-01T18:00:00', author: leGuin.id });
		const workshop = await create(admin, 'workshops', { name: `Workshop ${t}`, starts_at: '2026-05-02T10:00:00', seats: 12 });
		assert.equal(reading.author, leGuin.id);
		assert.equal(workshop.seats, 12);
		const events = await admin.request(readItems('library_events', { fields: ['id', 'name', 'starts_at'], filter: { name: { _ends_with: t } }, sort: ['starts_at'] }));
		assert.deepEqual(events, [
			{ id: reading.id, name: `Reading ${t}`, starts_at: '2026-05-01T18:00:00' },
			{ id: workshop.id, name: `Workshop ${t}`, starts_at: '2026-05-02T10:00:00' },
		]);
		assert.deepEqual(keysOf(await admin.request(readItems('readings', { fields: ['id'], filter: { name: { _ends_with: t } } }))), keysOf([reading]));
		const withAuthor = await admin.request(readItems('readings', { fields: ['name', 'author.name'], filter: { author: { name: { _eq: `Le Guin ${t}` } } } }));
		assert.deepEqual(withAuthor, [{ name: `Reading ${t}`, author: { name: `Le Guin ${t}` } }]);
		const evening = await admin.request(readItems('workshops', { fields: ['id'], filter: { starts_at: { _gte: '2026-05-02T00:00:00' }, seats: { _gt: 10 } } }));
		assert.deepEqual(keysOf(evening), keysOf([workshop]));
	});
});
