// The lending library's typed fields through @directus/sdk, in the shapes issue 14 decided:
// enums (STRING and ORDINAL) as their constant names, the embedded address flattened into
// street/city/postcode, the element collection as a JSON array, the converted Locale as its
// language tag, byte[] as base64 text, @Lob text, char, BigInteger, every temporal type of loans,
// and a stale @Version answering 409 CONFLICT. Written, read back, filtered, sorted and pushed.
// Inheritance: a subclass's row is read in its root's collection, so it is pushed there too.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readItems, readItem, updateItem, deleteItem } from '@directus/sdk';
import { startLibrary, realtimeAdmin, rejectsWith, create, pull, tag, keysOf } from '../library.mjs';

let server;
let admin;
const t = tag();
let book; let member;

before(async () => {
	({ server, admin } = await startLibrary());
	book = await create(admin, 'books', { title: `Loaned ${t}` });
	member = await create(admin, 'members', { name: `Borrower ${t}` });
});
after(async () => { await server?.stop(); });

const ours = { title: { _ends_with: t } };

describe('enums are strings', () => {
	test('ORDINAL books.format: written, read and filtered by name', async () => {
		const ebook = await create(admin, 'books', { title: `Ebook ${t}`, format: 'EBOOK' });
		const paper = await create(admin, 'books', { title: `Paper ${t}`, format: 'PAPERBACK' });
		assert.equal(ebook.format, 'EBOOK');
		assert.deepEqual(await admin.request(readItem('books', paper.id, { fields: ['format'] })), { format: 'PAPERBACK' });
		const ebooks = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, format: { _eq: 'EBOOK' } } }));
		assert.deepEqual(keysOf(ebooks), keysOf([ebook]));
		const printed = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, format: { _in: ['HARDCOVER', 'PAPERBACK'] } } }));
		assert.deepEqual(keysOf(printed), keysOf([paper]));
		const changed = await admin.request(updateItem('books', ebook.id, { format: 'HARDCOVER' }, { fields: ['format'] }));
		assert.deepEqual(changed, { format: 'HARDCOVER' });
		const unformatted = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, format: { _null: true } } }));
		assert.deepEqual(keysOf(unformatted), keysOf([book]));
	});

	test('STRING loans.status: written, read, filtered and defaulted by name', async () => {
		const active = await create(admin, 'loans', { book: book.id, member: member.id });
		assert.equal(active.status, 'ACTIVE');
		const overdue = await create(admin, 'loans', { book: book.id, member: member.id, status: 'OVERDUE' });
		assert.equal(overdue.status, 'OVERDUE');
		const open = await admin.request(readItems('loans', { fields: ['id', 'status'], filter: { member: { _eq: member.id }, status: { _neq: 'RETURNED' } }, sort: ['id'] }));
		assert.deepEqual(open, [{ id: active.id, status: 'ACTIVE' }, { id: overdue.id, status: 'OVERDUE' }]);
		await admin.request(updateItem('loans', overdue.id, { status: 'RETURNED' }));
		const returned = await admin.request(readItems('loans', { fields: ['id'], filter: { member: { _eq: member.id }, status: { _eq: 'RETURNED' } } }));
		assert.deepEqual(keysOf(returned), keysOf([overdue]));
		const stillOut = await admin.request(readItems('loans', { fields: ['id'], filter: { member: { _eq: member.id }, status: { _in: ['ACTIVE', 'OVERDUE'] } } }));
		assert.deepEqual(keysOf(stillOut), keysOf([active]));
		// an enum compares by identity only: its text order need not be the database's
		await rejectsWith(() => admin.request(readItems('loans', { filter: { status: { _starts_with: 'ACT' } } })), 'INVALID_QUERY', 400);
	});
});

describe('embedded address, flattened', () => {
	test('street, city and postcode are plain fields: written, read, filtered, sorted, changed one by one', async () => {
		const ann = await create(admin, 'members', { name: `Ann ${t}`, street: '1 High Street', city: 'Oxford', postcode: 'OX1 1AA' });
		const bob = await create(admin, 'members', { name: `Bob ${t}`, street: '2 Low Road', city: 'Bath', postcode: 'BA1 1AA' });
		const cat = await create(admin, 'members', { name: `Cat ${t}`, city: 'Oxford' });
		assert.deepEqual(await admin.request(readItem('members', ann.id, { fields: ['name', 'street', 'city', 'postcode'] })),
			{ name: `Ann ${t}`, street: '1 High Street', city: 'Oxford', postcode: 'OX1 1AA' });
		assert.equal(cat.street, null);
		const oxford = await admin.request(readItems('members', { fields: ['id'], filter: { name: { _ends_with: t }, city: { _eq: 'Oxford' } } }));
		assert.deepEqual(keysOf(oxford), keysOf([ann, cat]));
		const sorted = await admin.request(readItems('members', { fields: ['name'], filter: { name: { _ends_with: t }, city: { _nnull: true } }, sort: ['city', '-name'] }));
		assert.deepEqual(sorted.map((m) => m.name), [`Bob ${t}`, `Cat ${t}`, `Ann ${t}`]);
		const moved = await admin.request(updateItem('members', bob.id, { postcode: 'BA2 2BB' }, { fields: ['street', 'city', 'postcode'] }));
		assert.deepEqual(moved, { street: '2 Low Road', city: 'Bath', postcode: 'BA2 2BB' });
		const postcodes = await admin.request(readItems('members', { fields: ['id'], filter: { name: { _ends_with: t }, postcode: { _starts_with: 'BA2' } } }));
		assert.deepEqual(keysOf(postcodes), keysOf([bob]));
	});
});

describe('other mappings', () => {
	test('element collection books.keywords is a JSON array; a write replaces it', async () => {
		const tagged = await create(admin, 'books', { title: `Keywords ${t}`, keywords: ['wizard', 'sea', 'shadow'] });
		assert.deepEqual([...tagged.keywords].sort(), ['sea', 'shadow', 'wizard']);
		const replaced = await admin.request(updateItem('books', tagged.id, { keywords: ['dragon'] }, { fields: ['keywords'] }));
		assert.deepEqual(replaced, { keywords: ['dragon'] });
		assert.deepEqual(await admin.request(readItem('books', book.id, { fields: ['keywords'] })), { keywords: [] });
	});

	test('converted books.language is its language tag: written, read, filtered', async () => {
		const british = await create(admin, 'books', { title: `British ${t}`, language: 'en-GB' });
		const french = await create(admin, 'books', { title: `French ${t}`, language: 'fr' });
		assert.equal(british.language, 'en-GB');
		assert.deepEqual(await admin.request(readItem('books', french.id, { fields: ['language'] })), { language: 'fr' });
		const english = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, language: { _eq: 'en-GB' } } }));
		assert.deepEqual(keysOf(english), keysOf([british]));
		const either = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, language: { _in: ['fr', 'de'] } } }));
		assert.deepEqual(keysOf(either), keysOf([french]));
		assert.equal((await admin.request(updateItem('books', french.id, { language: 'fr-CA' }, { fields: ['language'] }))).language, 'fr-CA');
	});

	test('char and BigInteger of books', async () => {
		const shelved = await create(admin, 'books', { title: `Shelved ${t}`, shelf: 'Q', catalogue_number: 123456789012 });
		assert.equal(shelved.shelf, 'Q');
		assert.equal(String(shelved.catalogue_number), '123456789012');
		assert.equal((await create(admin, 'books', { title: `Default shelf ${t}` })).shelf, 'A');
		const byShelf = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, shelf: { _eq: 'Q' } } }));
		assert.deepEqual(keysOf(byShelf), keysOf([shelved]));
		const byNumber = await admin.request(readItems('books', { fields: ['id'], filter: { ...ours, catalogue_number: { _gt: 100000000000 } } }));
		assert.deepEqual(keysOf(byNumber), keysOf([shelved]));
	});

	test('author_profiles: @Lob text and byte[] as base64', async () => {
		const biography = `A long life. ${'Words and more words. '.repeat(400)}${t}`;
		const portrait = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]).toString('base64');
		const profile = await create(admin, 'author_profiles', { biography, portrait });
		const read = await admin.request(readItem('author_profiles', profile.id, { fields: ['biography', 'portrait'] }));
		assert.equal(read.biography, biography);
		assert.equal(read.portrait, portrait);
		const found = await admin.request(readItems('author_profiles', { fields: ['id'], filter: { id: { _eq: profile.id }, biography: { _nnull: true } } }));
		assert.deepEqual(keysOf(found), keysOf([profile]));
		// a large object is kept apart from its row on PostgreSQL: tested for null only, everywhere
		await rejectsWith(() => admin.request(readItems('author_profiles', { filter: { biography: { _ends_with: t } } })), 'INVALID_QUERY', 400);
	});
});

describe('loans: temporal types and @Version', () => {
	test('LocalDate, LocalTime, OffsetDateTime and ZonedDateTime are written, read, filtered and sorted', async () => {
		const early = await create(admin, 'loans', {
			book: book.id, member: member.id, due_on: '2026-06-01', pickup_at: '09:15:00',
			returned_at: '2026-05-30T12:00:00+02:00', reminded_at: '2026-05-29T08:00:00.000Z',
		});
		const late = await create(admin, 'loans', { book: book.id, member: member.id, due_on: '2026-07-01', pickup_at: '17:45:30' });
		assert.equal(early.due_on, '2026-06-01');
		assert.equal(early.pickup_at, '09:15:00');
		assert.equal(new Date(early.returned_at).toISOString(), '2026-05-30T10:00:00.000Z');
		assert.equal(new Date(early.reminded_at).toISOString(), '2026-05-29T08:00:00.000Z');
		const mine = { member: { _eq: member.id }, due_on: { _nnull: true } };
		const sorted = await admin.request(readItems('loans', { fields: ['id'], filter: mine, sort: ['-due_on'] }));
		assert.deepEqual(sorted.map((l) => l.id), [late.id, early.id]);
		const afternoon = await admin.request(readItems('loans', { fields: ['id'], filter: { ...mine, pickup_at: { _gte: '12:00:00' } } }));
		assert.deepEqual(keysOf(afternoon), keysOf([late]));
		const dueInJune = await admin.request(readItems('loans', { fields: ['id'], filter: { ...mine, due_on: { _between: ['2026-06-01', '2026-06-30'] } } }));
		assert.deepEqual(keysOf(dueInJune), keysOf([early]));
		const returned = await admin.request(readItems('loans', { fields: ['id'], filter: { ...mine, returned_at: { _gt: '2026-05-30T09:59:59Z' } } }));
		assert.deepEqual(keysOf(returned), keysOf([early]));
		const open = await admin.request(readItems('loans', { fields: ['id'], filter: { ...mine, returned_at: { _null: true } } }));
		assert.deepEqual(keysOf(open), keysOf([late]));
		const reminded = await admin.request(readItems('loans', { fields: ['id'], filter: { ...mine, reminded_at: { _lt: '2026-05-30T00:00:00Z' } } }));
		assert.deepEqual(keysOf(reminded), keysOf([early]));
	});

	test('an update carrying a stale version is 409 CONFLICT naming the loan, and changes nothing', async () => {
		const loan = await create(admin, 'loans', { book: book.id, member: member.id });
		const first = await admin.request(updateItem('loans', loan.id, { status: 'OVERDUE', version: loan.version }, { fields: ['status', 'version'] }));
		assert.equal(first.status, 'OVERDUE');
		assert.ok(first.version > loan.version, `version ${first.version} after ${loan.version}`);
		const error = await rejectsWith(() => admin.request(updateItem('loans', loan.id, { status: 'RETURNED', version: loan.version })), 'CONFLICT', 409);
		assert.match(JSON.stringify(error), /loans/);
		assert.match(JSON.stringify(error), new RegExp(String(loan.id)));
		assert.deepEqual(await admin.request(readItem('loans', loan.id, { fields: ['status', 'version'] })), { status: 'OVERDUE', version: first.version });
	});
});

describe('pushes of typed fields', () => {
	test('loans: create, update, delete pushes carry the enum name and the dates', async () => {
		const { client } = await realtimeAdmin(server.url);
		try {
			await client.connect();
			const other = await create(admin, 'members', { name: `Pushed ${t}` });
			const { subscription } = await client.subscribe('loans', { query: { fields: ['id', 'status', 'due_on'], filter: { member: { _eq: other.id } } } });
			const it = subscription[Symbol.asyncIterator]();
			assert.deepEqual((await pull(it)).data, []);
			let pushed = pull(it);
			const loan = await create(admin, 'loans', { book: book.id, member: other.id, due_on: '2026-08-01' });
			assert.deepEqual((await pushed).data, [{ id: loan.id, status: 'ACTIVE', due_on: '2026-08-01' }]);
			pushed = pull(it);
			await admin.request(updateItem('loans', loan.id, { status: 'RETURNED' }));
			const update = await pushed;
			assert.equal(update.event, 'update');
			assert.deepEqual(update.data, [{ id: loan.id, status: 'RETURNED', due_on: '2026-08-01' }]);
			pushed = pull(it);
			await admin.request(deleteItem('loans', loan.id));
			const removal = await pushed;
			assert.equal(removal.event, 'delete');
			assert.deepEqual(removal.data.map(String), [String(loan.id)]);

			// a subscription filtered on an enum and an embedded field gets only its rows
			const { subscription: oxford } = await client.subscribe('members', { query: { fields: ['id', 'city'], filter: { name: { _ends_with: t }, city: { _eq: 'Oxford' } } } });
			const oxfordIt = oxford[Symbol.asyncIterator]();
			assert.equal((await pull(oxfordIt)).event, 'init');
			pushed = pull(oxfordIt);
			await create(admin, 'members', { name: `Elsewhere ${t}`, city: 'York' });
			const local = await create(admin, 'members', { name: `Local ${t}`, city: 'Oxford' });
			assert.deepEqual((await pushed).data, [{ id: local.id, city: 'Oxford' }]);
			const { subscription: ebooks } = await client.subscribe('books', { query: { fields: ['id', 'format'], filter: { ...ours, format: { _eq: 'EBOOK' } } } });
			const ebookIt = ebooks[Symbol.asyncIterator]();
			await pull(ebookIt);
			pushed = pull(ebookIt);
			await create(admin, 'books', { title: `Printed ${t}`, format: 'HARDCOVER' });
			const digital = await create(admin, 'books', { title: `Digital ${t}`, format: 'EBOOK' });
			assert.deepEqual((await pushed).data, [{ id: digital.id, format: 'EBOOK' }]);
		} finally {
			client.disconnect();
		}
	});
});

describe('pushes through inheritance', () => {
	test('a subscriber of a root collection gets the rows its query returns: librarians in staff, readings in library_events', async () => {
		const { client } = await realtimeAdmin(server.url);
		try {
			await client.connect();
			const { subscription: staff } = await client.subscribe('staff', { query: { fields: ['id', 'name'], filter: { name: { _ends_with: t } } } });
			const staffIt = staff[Symbol.asyncIterator]();
			assert.equal((await pull(staffIt)).event, 'init');
			let pushed = pull(staffIt);
			const librarian = await create(admin, 'librarians', { name: `Thorion ${t}`, desk: 'Archive' });
			assert.deepEqual((await pushed).data, [{ id: librarian.id, name: `Thorion ${t}` }]);
			assert.deepEqual(keysOf(await admin.request(readItems('staff', { fields: ['id'], filter: { name: { _ends_with: t } } }))), keysOf([librarian]));

			const { subscription: events } = await client.subscribe('library_events', { query: { fields: ['id', 'name'], filter: { name: { _ends_with: t } } } });
			const eventsIt = events[Symbol.asyncIterator]();
			assert.equal((await pull(eventsIt)).event, 'init');
			pushed = pull(eventsIt);
			const reading = await create(admin, 'readings', { name: `Reading ${t}` });
			assert.deepEqual((await pushed).data, [{ id: reading.id, name: `Reading ${t}` }]);
			pushed = pull(eventsIt);
			await admin.request(deleteItem('readings', reading.id));
			const removal = await pushed;
			assert.equal(removal.event, 'delete');
			assert.deepEqual(removal.data.map(String), [String(reading.id)]);
		} finally {
			client.disconnect();
		}
	});
});
