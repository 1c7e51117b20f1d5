// Bad writes to the lending library through @directus/sdk, answered as Directus shapes them:
// a Bean Validation constraint (@NotBlank, @Pattern, @PositiveOrZero) or an invalid enum name is
// 400 FAILED_VALIDATION with the field in extensions, a duplicate of a unique column is 400
// RECORD_NOT_UNIQUE naming the field, on create and update, over REST and over the socket's
// items messages, and nothing of the refused write is stored.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readItems, readItem, updateItem } from '@directus/sdk';
import { startLibrary, realtimeAdmin, rejectsWith, create, tag } from '../library.mjs';

let server;
let admin;
const t = tag();

before(async () => {
	({ server, admin } = await startLibrary());
});
after(async () => { await server?.stop(); });

/** Expects FAILED_VALIDATION (400) naming the field, with a constraint type; answers the error. */
async function failsValidation(fn, field) {
	const error = await rejectsWith(fn, 'FAILED_VALIDATION', 400);
	assert.equal(error.extensions.field, field, JSON.stringify(error));
	assert.equal(typeof error.extensions.type, 'string', JSON.stringify(error));
	assert.ok(error.extensions.type.length > 0, JSON.stringify(error));
	assert.match(error.message, new RegExp(field), JSON.stringify(error));
	return error;
}

describe('Bean Validation constraints', () => {
	test('a blank @NotBlank name is FAILED_VALIDATION on create and on update, and is not stored', async () => {
		await failsValidation(() => create(admin, 'authors', { name: '' }), 'name');
		await failsValidation(() => create(admin, 'authors', { name: '   ', born: '1950-01-01' }), 'name');
		assert.deepEqual(await admin.request(readItems('authors', { fields: ['id'], filter: { born: { _eq: '1950-01-01' } } })), []);
		const author = await create(admin, 'authors', { name: `Kept ${t}` });
		await failsValidation(() => admin.request(updateItem('authors', author.id, { name: '' })), 'name');
		assert.equal((await admin.request(readItem('authors', author.id, { fields: ['name'] }))).name, `Kept ${t}`);
	});

	test('a member\'s telephone failing @Pattern, and a blank name', async () => {
		await failsValidation(() => create(admin, 'members', { name: `Caller ${t}`, telephone: 'call me maybe' }), 'telephone');
		await failsValidation(() => create(admin, 'members', { name: '', telephone: '+44 1234 567890' }), 'name');
		assert.deepEqual(await admin.request(readItems('members', { fields: ['id'], filter: { name: { _eq: `Caller ${t}` } } })), []);
		const ok = await create(admin, 'members', { name: `Caller ${t}`, telephone: '+44 1234 567890' });
		await failsValidation(() => admin.request(updateItem('members', ok.id, { telephone: '12' })), 'telephone');
	});

	test('a negative page count fails @PositiveOrZero', async () => {
		await failsValidation(() => create(admin, 'books', { title: `Negative ${t}`, pages: -1 }), 'pages');
		assert.deepEqual(await admin.request(readItems('books', { fields: ['id'], filter: { title: { _eq: `Negative ${t}` } } })), []);
	});
});

describe('enums', () => {
	test('a name that is no constant is FAILED_VALIDATION naming the field, STRING and ORDINAL alike', async () => {
		await failsValidation(() => create(admin, 'books', { title: `Scroll ${t}`, format: 'SCROLL' }), 'format');
		// the API uses names only: an ordinal is not a name
		await failsValidation(() => create(admin, 'books', { title: `Ordinal ${t}`, format: 1 }), 'format');
		const book = await create(admin, 'books', { title: `Lent ${t}` });
		const member = await create(admin, 'members', { name: `Lender ${t}` });
		await failsValidation(() => create(admin, 'loans', { book: book.id, member: member.id, status: 'LOST' }), 'status');
		const loan = await create(admin, 'loans', { book: book.id, member: member.id });
		await failsValidation(() => admin.request(updateItem('loans', loan.id, { status: 'active' })), 'status');
		assert.equal((await admin.request(readItem('loans', loan.id, { fields: ['status'] }))).status, 'ACTIVE');
	});
});

describe('unique columns', () => {
	test('a duplicate genre name or ISBN is RECORD_NOT_UNIQUE naming the field', async () => {
		await create(admin, 'genres', { name: `Mystery ${t}` });
		const genre = await rejectsWith(() => create(admin, 'genres', { name: `Mystery ${t}` }), 'RECORD_NOT_UNIQUE', 400);
		assert.equal(genre.extensions.field, 'name', JSON.stringify(genre));
		assert.deepEqual((await admin.request(readItems('genres', { fields: ['id'], filter: { name: { _eq: `Mystery ${t}` } } }))).length, 1);

		await create(admin, 'books', { title: `First ${t}`, isbn: `isbn-${t}` });
		const other = await create(admin, 'books', { title: `Second ${t}` });
		const isbn = await rejectsWith(() => admin.request(updateItem('books', other.id, { isbn: `isbn-${t}` })), 'RECORD_NOT_UNIQUE', 400);
		assert.equal(isbn.extensions.field, 'isbn', JSON.stringify(isbn));
		assert.equal((await admin.request(readItem('books', other.id, { fields: ['isbn'] }))).isbn, null);
	});
});

describe('over the socket', () => {
	test('an items create with a blank name answers FAILED_VALIDATION, its message naming the field', async () => {
		const { client, rec } = await realtimeAdmin(server.url);
		try {
			await client.connect();
			client.sendMessage({ type: 'items', collection: 'authors', action: 'create', data: { name: '' }, uid: 'blank' });
			const reply = await rec.waitFor((f) => f.uid === 'blank');
			assert.equal(reply.type, 'items', JSON.stringify(reply));
			assert.equal(reply.status, 'error', JSON.stringify(reply));
			assert.equal(reply.error.code, 'FAILED_VALIDATION', JSON.stringify(reply));
			// a socket error carries code and message only, as on Directus: the message names the field
			assert.match(reply.error.message, /name/, JSON.stringify(reply));
		} finally {
			client.disconnect();
		}
	});
});
