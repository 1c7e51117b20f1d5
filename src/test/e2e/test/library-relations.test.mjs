// Every relation kind of the lending library through @directus/sdk, in the shapes issue 14
// decided (docs: README "Embedding"): a to-many field (one-to-many by mappedBy, many-to-many on
// either side, one-way one-to-many by join column or join table) lists the related keys,
// `field.*` expands it to the related items with no junction level, a filter through it means
// "some related item matches", and a write takes the array of related keys that replaces the
// membership. A one-to-one is a many-to-one on its owning side and a single key (or null) on
// its inverse side. Membership changes are pushed to subscribers of the changed item.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readItems, readItem, updateItem, createItem } from '@directus/sdk';
import { startLibrary, realtimeAdmin, create, pull, tag, keysOf, sortedKeys } from '../library.mjs';

let server;
let admin;
const t = tag();
let leGuin; let pratchett; let earthsea; let tombs; let mort;
let fantasy; let humour; let classic;

before(async () => {
	({ server, admin } = await startLibrary());
	leGuin = await create(admin, 'authors', { name: `Le Guin ${t}` });
	pratchett = await create(admin, 'authors', { name: `Pratchett ${t}` });
	fantasy = await create(admin, 'genres', { name: `Fantasy ${t}` });
	humour = await create(admin, 'genres', { name: `Humour ${t}` });
	classic = await create(admin, 'genres', { name: `Classic ${t}` });
	earthsea = await create(admin, 'books', { title: `Earthsea ${t}`, author: leGuin.id, pages: 183 });
	tombs = await create(admin, 'books', { title: `Atuan ${t}`, author: leGuin.id, pages: 163 });
	mort = await create(admin, 'books', { title: `Mort ${t}`, author: pratchett.id, pages: 243 });
});
after(async () => { await server?.stop(); });

const ours = { name: { _ends_with: t } };

describe('one-to-many by mappedBy: authors.books', () => {
	test('lists the books\' keys; books.* expands them', async () => {
		const author = await admin.request(readItem('authors', leGuin.id, { fields: ['id', 'books'] }));
		assert.deepEqual(sortedKeys(author.books), keysOf([earthsea, tombs]));
		const expanded = await admin.request(readItem('authors', leGuin.id, { fields: ['id', 'books.*'] }));
		assert.deepEqual(keysOf(expanded.books), keysOf([earthsea, tombs]));
		const atuan = expanded.books.find((b) => b.id === tombs.id);
		assert.equal(atuan.title, `Atuan ${t}`);
		assert.equal(atuan.pages, 163);
		assert.equal(atuan.author, leGuin.id);
		const titled = await admin.request(readItem('authors', pratchett.id, { fields: ['books.title'] }));
		assert.deepEqual(titled, { books: [{ title: `Mort ${t}` }] });
	});

	test('a filter through it means "some book matches"; _none means no book does', async () => {
		const long = await admin.request(readItems('authors', { fields: ['id'], filter: { ...ours, books: { pages: { _gt: 200 } } } }));
		assert.deepEqual(keysOf(long), keysOf([pratchett]));
		const someShort = await admin.request(readItems('authors', { fields: ['id'], filter: { ...ours, books: { _some: { pages: { _lt: 170 } } } } }));
		assert.deepEqual(keysOf(someShort), keysOf([leGuin]));
		const noneShort = await admin.request(readItems('authors', { fields: ['id'], filter: { ...ours, books: { _none: { pages: { _lt: 170 } } } } }));
		assert.deepEqual(keysOf(noneShort), keysOf([pratchett]));
	});

	test('a write of the books\' keys sets their author', async () => {
		const newcomer = await create(admin, 'authors', { name: `Newcomer ${t}` });
		const stray = await create(admin, 'books', { title: `Stray ${t}` });
		const updated = await admin.request(updateItem('authors', newcomer.id, { books: [stray.id] }, { fields: ['books'] }));
		assert.deepEqual(updated, { books: [stray.id] });
		assert.equal((await admin.request(readItem('books', stray.id, { fields: ['author'] }))).author, newcomer.id);
	});
});

describe('many-to-many: books.genres (owning) and genres.books (inverse)', () => {
	before(async () => {
		for (const [book, genres] of [[earthsea, [fantasy, classic]], [tombs, [fantasy]], [mort, [fantasy, humour]]]) {
			await admin.request(updateItem('books', book.id, { genres: genres.map((g) => g.id) }));
		}
	});

	test('both sides list the related keys; .* expands to the related items, no junction level', async () => {
		const book = await admin.request(readItem('books', mort.id, { fields: ['id', 'genres'] }));
		assert.deepEqual(sortedKeys(book.genres), sortedKeys([fantasy.id, humour.id]));
		const expanded = await admin.request(readItem('books', earthsea.id, { fields: ['genres.*'] }));
		assert.deepEqual(keysOf(expanded.genres), keysOf([fantasy, classic]));
		assert.deepEqual(expanded.genres.map((g) => g.name).sort(), [`Classic ${t}`, `Fantasy ${t}`]);
		const genre = await admin.request(readItem('genres', fantasy.id, { fields: ['books'] }));
		assert.deepEqual(sortedKeys(genre.books), keysOf([earthsea, tombs, mort]));
		const titled = await admin.request(readItem('genres', humour.id, { fields: ['name', 'books.title', 'books.author.name'] }));
		assert.deepEqual(titled, { name: `Humour ${t}`, books: [{ title: `Mort ${t}`, author: { name: `Pratchett ${t}` } }] });
	});

	test('a filter through either side means "some related item matches"', async () => {
		const funny = await admin.request(readItems('books', { fields: ['id'], filter: { title: { _ends_with: t }, genres: { name: { _eq: `Humour ${t}` } } } }));
		assert.deepEqual(keysOf(funny), keysOf([mort]));
		const three = { id: { _in: [earthsea.id, tombs.id, mort.id] } };
		const serious = await admin.request(readItems('books', { fields: ['id'], filter: { ...three, genres: { _none: { name: { _eq: `Humour ${t}` } } } } }));
		assert.deepEqual(keysOf(serious), keysOf([earthsea, tombs]));
		const leGuinGenres = await admin.request(readItems('genres', { fields: ['id'], filter: { ...ours, books: { author: { name: { _eq: `Le Guin ${t}` } } } } }));
		assert.deepEqual(keysOf(leGuinGenres), keysOf([fantasy, classic]));
	});

	test('a write of keys replaces the membership, on the owning and on the inverse side', async () => {
		const book = await create(admin, 'books', { title: `Reaper Man ${t}`, genres: [fantasy.id] });
		assert.deepEqual(book.genres, [fantasy.id]);
		const replaced = await admin.request(updateItem('books', book.id, { genres: [humour.id, classic.id] }, { fields: ['genres'] }));
		assert.deepEqual(sortedKeys(replaced.genres), sortedKeys([humour.id, classic.id]));
		assert.ok(!(await admin.request(readItem('genres', fantasy.id, { fields: ['books'] }))).books.includes(book.id));
		const emptied = await admin.request(updateItem('books', book.id, { genres: [] }, { fields: ['genres'] }));
		assert.deepEqual(emptied, { genres: [] });

		const poetry = await admin.request(createItem('genres', { name: `Poetry ${t}`, books: [book.id, tombs.id] }, { fields: ['id', 'books'] }));
		assert.deepEqual(sortedKeys(poetry.books), keysOf([book, tombs]));
		assert.deepEqual((await admin.request(readItem('books', book.id, { fields: ['genres'] }))).genres, [poetry.id]);
		await admin.request(updateItem('genres', poetry.id, { books: [tombs.id] }));
		assert.deepEqual((await admin.request(readItem('books', book.id, { fields: ['genres'] }))).genres, []);
	});

	test('*.* expands the many-to-one and the many-to-many of a book', async () => {
		const book = await admin.request(readItem('books', earthsea.id, { fields: ['*.*'] }));
		assert.equal(book.author.name, `Le Guin ${t}`);
		assert.deepEqual(book.genres.map((g) => g.name).sort(), [`Classic ${t}`, `Fantasy ${t}`]);
	});
});

describe('one-to-one: author_profiles.author (owning) and authors.profile (inverse)', () => {
	test('the owning side holds the author\'s key, the inverse side one profile key or null', async () => {
		const profile = await create(admin, 'author_profiles', { author: leGuin.id, biography: 'Born in Berkeley.' });
		assert.equal(profile.author, leGuin.id);
		const expanded = await admin.request(readItem('author_profiles', profile.id, { fields: ['id', 'author.name'] }));
		assert.deepEqual(expanded, { id: profile.id, author: { name: `Le Guin ${t}` } });
		assert.deepEqual(await admin.request(readItem('authors', leGuin.id, { fields: ['profile'] })), { profile: profile.id });
		assert.deepEqual(await admin.request(readItem('authors', pratchett.id, { fields: ['profile'] })), { profile: null });
		const withProfile = await admin.request(readItem('authors', leGuin.id, { fields: ['name', 'profile.*'] }));
		assert.equal(withProfile.profile.id, profile.id);
		assert.equal(withProfile.profile.biography, 'Born in Berkeley.');
		assert.equal((await admin.request(readItem('authors', pratchett.id, { fields: ['profile.*'] }))).profile, null);
	});

	test('filters through both sides', async () => {
		const profile = await create(admin, 'author_profiles', { author: pratchett.id, website: `beaconsfield-${t}.example` });
		const bySite = await admin.request(readItems('authors', { fields: ['id'], filter: { ...ours, profile: { website: { _contains: 'beaconsfield' } } } }));
		assert.deepEqual(keysOf(bySite), keysOf([pratchett]));
		const byAuthor = await admin.request(readItems('author_profiles', { fields: ['id'], filter: { author: { name: { _eq: `Pratchett ${t}` } } } }));
		assert.deepEqual(keysOf(byAuthor), keysOf([profile]));
	});
});

describe('one-way one-to-many by join column: members.reminders', () => {
	test('lists, expands, filters and replaces the reminders', async () => {
		const first = await create(admin, 'reminders', { message: `First ${t}`, sent_on: '2026-01-10' });
		const second = await create(admin, 'reminders', { message: `Second ${t}`, sent_on: '2026-01-20' });
		const member = await create(admin, 'members', { name: `Ged ${t}`, reminders: [first.id, second.id] });
		assert.deepEqual(sortedKeys(member.reminders), keysOf([first, second]));
		const other = await create(admin, 'members', { name: `Vetch ${t}` });
		assert.deepEqual(other.reminders, []);
		const expanded = await admin.request(readItem('members', member.id, { fields: ['reminders.message'] }));
		assert.deepEqual(expanded.reminders.map((r) => r.message).sort(), [`First ${t}`, `Second ${t}`]);
		const reminded = await admin.request(readItems('members', { fields: ['id'], filter: { ...ours, reminders: { sent_on: { _gte: '2026-01-15' } } } }));
		assert.deepEqual(reminded, [{ id: member.id }]);
		const replaced = await admin.request(updateItem('members', member.id, { reminders: [second.id] }, { fields: ['reminders'] }));
		assert.deepEqual(replaced, { reminders: [second.id] });
		// the dropped reminder still exists, it just belongs to no member
		assert.equal((await admin.request(readItem('reminders', first.id, { fields: ['message'] }))).message, `First ${t}`);
	});
});

describe('one-way one-to-many by join table: branches.staff', () => {
	test('lists, expands, filters and replaces the staff, librarians included', async () => {
		const porter = await create(admin, 'staff', { name: `Porter ${t}` });
		const librarian = await create(admin, 'librarians', { name: `Ogion ${t}`, desk: 'Reference' });
		const branch = await create(admin, 'branches', { name: `Central ${t}`, staff: [porter.id, librarian.id] });
		assert.deepEqual(sortedKeys(branch.staff), keysOf([porter, librarian]));
		const expanded = await admin.request(readItem('branches', branch.id, { fields: ['staff.*'] }));
		assert.deepEqual(expanded.staff.map((s) => s.name).sort(), [`Ogion ${t}`, `Porter ${t}`]);
		const withOgion = await admin.request(readItems('branches', { fields: ['id'], filter: { staff: { name: { _eq: `Ogion ${t}` } } } }));
		assert.deepEqual(withOgion, [{ id: branch.id }]);
		const replaced = await admin.request(updateItem('branches', branch.id, { staff: [librarian.id] }, { fields: ['staff'] }));
		assert.deepEqual(replaced, { staff: [librarian.id] });
	});
});

describe('pushes of membership changes', () => {
	test('a book\'s subscriber sees its genres change; a member\'s subscriber its reminders', async () => {
		const { client } = await realtimeAdmin(server.url);
		try {
			await client.connect();
			const { subscription: books } = await client.subscribe('books', { query: { fields: ['id', 'genres'], filter: { id: { _eq: tombs.id } } } });
			const bookIt = books[Symbol.asyncIterator]();
			const init = await pull(bookIt);
			const before = (await admin.request(readItem('books', tombs.id, { fields: ['genres'] }))).genres;
			assert.deepEqual(sortedKeys(init.data[0].genres), sortedKeys(before));
			let pushed = pull(bookIt);
			await admin.request(updateItem('books', tombs.id, { genres: [humour.id, classic.id] }));
			const update = await pushed;
			assert.equal(update.event, 'update');
			assert.equal(update.data[0].id, tombs.id);
			assert.deepEqual(sortedKeys(update.data[0].genres), sortedKeys([humour.id, classic.id]));

			const reminder = await create(admin, 'reminders', { message: `Pushed ${t}` });
			const member = await create(admin, 'members', { name: `Pushed ${t}` });
			const { subscription: members } = await client.subscribe('members', { query: { fields: ['id', 'reminders'], filter: { id: { _eq: member.id } } } });
			const memberIt = members[Symbol.asyncIterator]();
			assert.equal((await pull(memberIt)).event, 'init');
			pushed = pull(memberIt);
			await admin.request(updateItem('members', member.id, { reminders: [reminder.id] }));
			const memberUpdate = await pushed;
			assert.equal(memberUpdate.event, 'update');
			assert.deepEqual(memberUpdate.data, [{ id: member.id, reminders: [reminder.id] }]);
		} finally {
			client.disconnect();
		}
	});
});
