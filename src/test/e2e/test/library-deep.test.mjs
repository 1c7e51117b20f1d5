// deep, alias, backlink and function fields of the lending library through @directus/sdk:
// readItems sends `deep` and `alias` JSON-encoded and function fields in `fields`; each parent's
// to-many list is filtered, ordered and limited on its own, an alias shows one relation twice
// with different deep queries, and a realtime subscription with all of it pushes items shaped
// like its init.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readItems, readItem, updateItem, aggregate } from '@directus/sdk';
import { startLibrary, realtimeAdmin, create, pull, tag, rejectsWith } from '../library.mjs';

let server;
let admin;
let socket;
const t = tag();
let leGuin; let pratchett; let earthsea; let tombs; let shore; let mort;

before(async () => {
	({ server, admin } = await startLibrary());
	leGuin = await create(admin, 'authors', { name: `Le Guin ${t}`, born: '1929-10-21' });
	pratchett = await create(admin, 'authors', { name: `Pratchett ${t}`, born: '1948-04-28' });
	earthsea = await create(admin, 'books', { title: `A Wizard of Earthsea ${t}`, author: leGuin.id, pages: 183 });
	tombs = await create(admin, 'books', { title: `The Tombs of Atuan ${t}`, author: leGuin.id, pages: 163 });
	shore = await create(admin, 'books', { title: `The Farthest Shore ${t}`, author: leGuin.id, pages: 223 });
	mort = await create(admin, 'books', { title: `Mort ${t}`, author: pratchett.id, pages: 243 });
	socket = await realtimeAdmin(server.url);
	await socket.client.connect();
});
after(async () => {
	socket?.client.disconnect();
	await server?.stop();
});

const ours = { name: { _ends_with: t } };

test('deep limits, orders and filters each parent\'s books on its own', async () => {
	const authors = await admin.request(readItems('authors', {
		fields: ['name', 'books.title'], filter: ours, sort: ['name'],
		deep: { books: { _sort: ['-pages'], _limit: 2, _filter: { pages: { _gt: 170 } } } },
	}));
	assert.deepEqual(authors, [
		{ name: `Le Guin ${t}`, books: [{ title: `The Farthest Shore ${t}` }, { title: `A Wizard of Earthsea ${t}` }] },
		{ name: `Pratchett ${t}`, books: [{ title: `Mort ${t}` }] },
	]);
	const paged = await admin.request(readItem('authors', leGuin.id, {
		fields: ['books'], deep: { books: { _sort: ['pages'], _limit: 1, _page: 2 } },
	}));
	assert.deepEqual(paged, { books: [earthsea.id] });
});

test('a deep filter on a to-one relation that fails reads as null', async () => {
	const books = await admin.request(readItems('books', {
		fields: ['title', 'author.name'], filter: { title: { _ends_with: t } }, sort: ['pages'],
		deep: { author: { _filter: { name: { _starts_with: 'Pratchett' } } } },
	}));
	assert.deepEqual(books.map((b) => b.author), [null, null, null, { name: `Pratchett ${t}` }]);
});

test('an alias shows one relation twice, each with its own deep query', async () => {
	const author = await admin.request(readItem('authors', leGuin.id, {
		fields: ['books', 'longest.title', 'known_since'],
		alias: { longest: 'books', known_since: 'year(born)' },
		deep: { longest: { _sort: ['-pages'], _limit: 1 } },
	}));
	assert.deepEqual(author, {
		books: [earthsea.id, tombs.id, shore.id],
		longest: [{ title: `The Farthest Shore ${t}` }],
		known_since: 1929,
	});
});

test('function fields come back under <field>_<function>, inside relations too', async () => {
	const authors = await admin.request(readItems('authors', {
		fields: ['name', 'year(born)', 'count(books)', 'books.title'], filter: ours, sort: ['name'],
		deep: { books: { _limit: 1, _sort: ['title'] } },
	}));
	assert.deepEqual(authors, [
		{ name: `Le Guin ${t}`, born_year: 1929, books_count: 3, books: [{ title: `A Wizard of Earthsea ${t}` }] },
		{ name: `Pratchett ${t}`, born_year: 1948, books_count: 1, books: [{ title: `Mort ${t}` }] },
	]);
	const book = await admin.request(readItem('books', mort.id, { fields: ['author.month(born)'] }));
	assert.deepEqual(book, { author: { born_month: 4 } });
	await rejectsWith(() => admin.request(readItems('authors', { fields: ['year(name)'] })), 'INVALID_QUERY', 400);
});

test('function fields filter, sort and group, as the SDK sends them', async () => {
	const prolific = await admin.request(readItems('authors', {
		fields: ['name'], filter: { ...ours, 'count(books)': { _gte: 2 } },
	}));
	assert.deepEqual(prolific, [{ name: `Le Guin ${t}` }]);
	const byBirth = await admin.request(readItems('authors', {
		fields: ['name'], filter: { ...ours, 'year(born)': { _between: [1940, 1950] } }, sort: ['-month(born)'],
	}));
	assert.deepEqual(byBirth, [{ name: `Pratchett ${t}` }]);
	const books = await admin.request(readItems('books', {
		fields: ['title'], filter: { title: { _ends_with: t }, author: { 'month(born)': { _eq: 10 } } },
		sort: ['-author.year(born)', 'title'], limit: 2,
	}));
	assert.deepEqual(books, [{ title: `A Wizard of Earthsea ${t}` }, { title: `The Farthest Shore ${t}` }]);
	const groups = await admin.request(aggregate('books', {
		aggregate: { count: '*' }, groupBy: ['author.year(born)'],
		query: { filter: { title: { _ends_with: t } }, sort: ['author.year(born)'] },
	}));
	assert.deepEqual(groups, [{ 'author.born_year': 1929, count: 3 }, { 'author.born_year': 1948, count: 1 }]);
});

// @directus/sdk 26 lists `backlink` among its query keys but never serialises it, so this one
// goes over plain HTTP with the administrator's token.
test('backlink=false keeps the way back unexpanded in wildcards', async () => {
	const response = await fetch(`${server.url}/items/books/${mort.id}?fields=*.*.*&backlink=false`, {
		headers: { Authorization: `Bearer ${await admin.getToken()}` },
	});
	assert.equal(response.status, 200);
	const { data: book } = await response.json();
	assert.deepEqual(book.author.books, [mort.id]);
	const followed = await admin.request(readItem('books', mort.id, { fields: ['*.*.*'] }));
	assert.equal(followed.author.books[0].title, `Mort ${t}`);
});

test('a subscription with deep, alias and function fields pushes items shaped like its init', async () => {
	const query = {
		fields: ['id', 'name', 'longest.title', 'known_since', 'count(books)'],
		filter: { name: { _starts_with: 'Le Guin' } },
		alias: { longest: 'books', known_since: 'year(born)' },
		deep: { longest: { _sort: ['-pages'], _limit: 1 } },
	};
	const { subscription } = await socket.client.subscribe('authors', { query });
	const it = subscription[Symbol.asyncIterator]();
	const init = await pull(it);
	assert.equal(init.event, 'init', JSON.stringify(init));
	const mine = init.data.find((a) => a.id === leGuin.id);
	assert.deepEqual(mine, {
		id: leGuin.id, name: `Le Guin ${t}`, longest: [{ title: `The Farthest Shore ${t}` }], known_since: 1929, books_count: 3,
	});

	const pushed = pull(it);
	await admin.request(updateItem('authors', leGuin.id, { name: `Le Guin, Ursula ${t}` }));
	const frame = await pushed;
	assert.equal(frame.event, 'update', JSON.stringify(frame));
	assert.deepEqual(frame.data, [{ ...mine, name: `Le Guin, Ursula ${t}` }]);
});
