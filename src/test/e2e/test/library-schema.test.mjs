// The lending library's schema through @directus/sdk: every kind of JPA relation as /relations rows a
// type generator can follow (a many-to-one with its one-to-many, both sides of a one-to-one, a
// many-to-many without a junction collection, one-way one-to-manys), field types and the singleton flag.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	readCollections, readCollection, readFields, readFieldsByCollection, readField, readRelations, readRelationByCollection,
} from '@directus/sdk';
import { startLibrary, rejectsWith } from '../library.mjs';

let server;
let admin;
let relations;
let fields;

before(async () => {
	({ server, admin } = await startLibrary());
	relations = await admin.request(readRelations());
	fields = await admin.request(readFields());
});
after(async () => { await server?.stop(); });

const relation = (collection, field) => {
	const found = relations.filter((r) => r.collection === collection && r.field === field);
	assert.equal(found.length, 1, `${collection}.${field}: ${JSON.stringify(found)}`);
	return found[0];
};
const field = (collection, name) => fields.find((f) => f.collection === collection && f.field === name);

/**
 * What a type generator does with these answers: a to-one field is typed by the row naming it, a
 * to-many alias by the row naming it as one_field, as an array of that row's collection.
 */
function relatedType(f) {
	if (f.meta.special?.includes('m2o')) {
		return relations.find((r) => r.collection === f.collection && r.field === f.field)?.related_collection;
	}
	if (f.meta.special?.includes('o2m')) {
		const r = relations.find((x) => x.related_collection === f.collection && x.meta.one_field === f.field);
		return r && `${r.collection}[]`;
	}
	return undefined;
}

describe('relations', () => {
	test('a generator finds the right collection for every relational field, and only existing ones', async () => {
		const collections = (await admin.request(readCollections())).map((c) => c.collection);
		for (const r of relations) {
			assert.ok(collections.includes(r.collection), r.collection);
			assert.ok(collections.includes(r.related_collection), r.related_collection);
		}
		const expected = {
			'books.author': 'authors', 'authors.books': 'books[]',
			'author_profiles.author': 'authors', 'authors.profile': 'author_profiles',
			'books.genres': 'genres[]', 'genres.books': 'books[]',
			'members.reminders': 'reminders[]', 'branches.staff': 'staff[]',
			'loans.book': 'books', 'loans.member': 'members', 'books.user_created': 'directus_users',
		};
		for (const [path, type] of Object.entries(expected)) {
			const [c, f] = path.split('.');
			assert.equal(relatedType(field(c, f)), type, path);
		}
		for (const f of fields.filter((x) => x.meta.special?.some((s) => s === 'm2o' || s === 'o2m'))) {
			assert.ok(relatedType(f), `${f.collection}.${f.field} has a relation`);
		}
	});

	test('rows carry the column of a key and none for aliases', async () => {
		assert.deepEqual(relation('books', 'author').schema.foreign_key_table, 'authors');
		assert.equal(relation('books', 'author').meta.one_field, 'books');
		assert.equal(relation('authors', 'profile').schema, null);
		assert.equal(relation('genres', 'books').meta.junction_field, null);
		assert.equal(relation('reminders', null).related_collection, 'members');
		assert.equal(relation('staff', null).related_collection, 'branches');
		const ofBooks = (await admin.request(readRelationByCollection('books'))).map((r) => r.field).sort();
		assert.ok(ofBooks.includes('author') && ofBooks.includes('genres'));
		await rejectsWith(() => admin.request(readRelationByCollection('nowhere')), 'FORBIDDEN', 403);
	});
});

describe('fields and collections', () => {
	test('fields carry Directus types, defaults and keys', async () => {
		const books = await admin.request(readFieldsByCollection('books'));
		const byName = Object.fromEntries(books.map((f) => [f.field, f]));
		assert.equal(byName.title.type, 'string');
		assert.equal(byName.lendable.type, 'boolean');
		assert.equal(byName.lendable.schema.default_value, true);
		assert.equal(byName.price.type, 'decimal');
		assert.equal(byName.acquired_at.type, 'timestamp');
		assert.equal(byName.genres.type, 'alias');
		assert.equal(byName.keywords.type, 'json');
		assert.equal((await admin.request(readField('members', 'id'))).type, 'uuid');
		await rejectsWith(() => admin.request(readField('books', 'nothing')), 'FORBIDDEN', 403);
	});

	test('the singleton is flagged', async () => {
		assert.equal((await admin.request(readCollection('library_settings'))).meta.singleton, true);
		assert.equal((await admin.request(readCollection('books'))).meta.singleton, false);
		assert.equal(field('library_settings', 'loan_days').schema.default_value, 21);
	});
});
