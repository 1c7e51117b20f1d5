// The schema endpoints over @directus/sdk against the standalone jar: readCollections, readFields,
// readRelations and serverInfo as the admin, the Editor, the Reader and the public, each seeing only
// what it may read, and the schema refused as something to write.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	readCollections, readCollection, readFields, readFieldsByCollection, readField, readRelations,
	readRelationByCollection, serverInfo, createCollection, deleteField, isDirectusError,
} from '@directus/sdk';
import { startServer, ADMIN, EDITOR, READER } from '../server.mjs';
import { makeClient } from '../lib.mjs';

let server;
let admin; let editor; let reader; let anon;

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

const names = (rows) => rows.map((r) => r.collection).sort();
const fieldNames = (rows) => rows.map((f) => `${f.collection}.${f.field}`).sort();

before(async () => {
	server = await startServer({ PROJECT_NAME: 'Newsroom' });
	admin = makeClient(server.url, { realtime: false });
	editor = makeClient(server.url, { realtime: false });
	reader = makeClient(server.url, { realtime: false });
	anon = makeClient(server.url, { realtime: false });
	await admin.login(ADMIN);
	await editor.login(EDITOR);
	await reader.login(READER);
});
after(async () => { await server?.stop(); });

describe('collections', () => {
	test('the admin reads every collection, the system ones marked', async () => {
		const all = await admin.request(readCollections());
		assert.ok(names(all).includes('articles') && names(all).includes('comments') && names(all).includes('directus_users'));
		const articles = await admin.request(readCollection('articles'));
		assert.equal(articles.collection, 'articles');
		assert.equal(articles.meta.singleton, false);
		assert.equal(articles.schema.name, 'articles');
		assert.equal(all.find((c) => c.collection === 'directus_users').meta.system, true);
	});

	test('the Editor and the Reader read articles, comments and their own activity, the public nothing', async () => {
		assert.deepEqual(names(await editor.request(readCollections())),
			['articles', 'comments', 'directus_activity', 'directus_comments', 'directus_revisions']);
		assert.deepEqual(names(await reader.request(readCollections())),
			['articles', 'comments', 'directus_activity', 'directus_revisions']);
		assert.deepEqual(await anon.request(readCollections()), []);
		await rejectsWith(() => reader.request(readCollection('directus_users')), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(readCollection('nowhere')), 'FORBIDDEN', 403);
	});
});

describe('fields', () => {
	test('the admin reads typed fields with their columns and relations', async () => {
		const fields = await admin.request(readFieldsByCollection('articles'));
		assert.deepEqual(fields.map((f) => f.field), ['id', 'title', 'body', 'status', 'author', 'image', 'views', 'published_at', 'comments']);
		const byName = Object.fromEntries(fields.map((f) => [f.field, f]));
		assert.equal(byName.id.schema.is_primary_key, true);
		assert.equal(byName.title.type, 'string');
		assert.equal(byName.author.type, 'uuid');
		assert.deepEqual(byName.author.meta.special, ['m2o']);
		assert.equal(byName.author.schema.foreign_key_table, 'directus_users');
		assert.equal(byName.image.schema.foreign_key_table, 'directus_files');
		assert.equal(byName.comments.type, 'alias');
		assert.equal(byName.comments.schema, null);
		assert.deepEqual(byName.comments.meta.special, ['o2m']);
		const everything = fieldNames(await admin.request(readFields()));
		assert.ok(everything.includes('comments.article') && everything.includes('directus_users.email'));
		const one = await admin.request(readField('comments', 'article'));
		assert.equal(one.schema.foreign_key_table, 'articles');
	});

	test('the Reader reads only the fields it is granted', async () => {
		const readable = fieldNames(await reader.request(readFields()));
		assert.deepEqual(readable.filter((f) => !f.startsWith('directus_')),
			['articles.id', 'articles.published_at', 'articles.status', 'articles.title',
				'comments.body', 'comments.date_created', 'comments.id']);
		// and its own activity, as every signed-in user
		assert.deepEqual([...new Set(readable.filter((f) => f.startsWith('directus_')).map((f) => f.split('.')[0]))],
			['directus_activity', 'directus_revisions']);
		await rejectsWith(() => reader.request(readField('articles', 'body')), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(readField('comments', 'article')), 'FORBIDDEN', 403);
		await rejectsWith(() => reader.request(readFieldsByCollection('directus_users')), 'FORBIDDEN', 403);
		assert.equal((await editor.request(readFieldsByCollection('articles'))).length, 9);
		assert.deepEqual(await anon.request(readFields()), []);
	});
});

describe('relations', () => {
	test('the admin reads the many-to-ones with the one-to-many alias they map', async () => {
		const relations = await admin.request(readRelations());
		const article = relations.find((r) => r.collection === 'comments' && r.field === 'article');
		assert.equal(article.related_collection, 'articles');
		assert.equal(article.meta.one_field, 'comments');
		// comments.article is NOT NULL: a comment dropped from an article's list is deleted
		assert.equal(article.meta.one_deselect_action, 'delete');
		assert.equal(article.schema.foreign_key_column, 'id');
		const author = relations.find((r) => r.collection === 'articles' && r.field === 'author');
		assert.equal(author.related_collection, 'directus_users');
		const collections = names(await admin.request(readCollections()));
		for (const r of relations) assert.ok(collections.includes(r.collection) && collections.includes(r.related_collection));
		assert.deepEqual((await admin.request(readRelationByCollection('comments'))).map((r) => r.field).sort(), ['article', 'user']);
	});

	test('a caller sees a relation only when it may read its field and both collections', async () => {
		// the Editor reads comments.article and articles, but not the users comments.user leads to
		// (both read their own activity and revisions, and so the relations between those)
		const own = ['directus_revisions.activity', 'directus_revisions.parent'];
		assert.deepEqual((await editor.request(readRelations())).map((r) => `${r.collection}.${r.field}`),
			['comments.article', ...own]);
		// the Reader reads comments, but not their article field
		assert.deepEqual((await reader.request(readRelations())).map((r) => `${r.collection}.${r.field}`), own);
		assert.deepEqual(await reader.request(readRelationByCollection('comments')), []);
		await rejectsWith(() => reader.request(readRelationByCollection('directus_users')), 'FORBIDDEN', 403);
	});
});

describe('server info and writes', () => {
	test('serverInfo gives the project to everyone and the limits to a signed-in user', async () => {
		const pub = await anon.request(serverInfo());
		assert.deepEqual(Object.keys(pub), ['project']);
		assert.equal(pub.project.project_name, 'Newsroom');
		const info = await reader.request(serverInfo());
		assert.equal(info.project.project_name, 'Newsroom');
		assert.deepEqual(info.queryLimit, { default: 100, max: 1000 });
		assert.deepEqual(info.websocket.rest, { authentication: 'handshake', path: '/websocket' });
		assert.equal(info.websocket.heartbeat, 30);
		assert.equal(typeof info.version, 'string');
	});

	test('the schema is not written through the API', async () => {
		await rejectsWith(() => admin.request(createCollection({ collection: 'tags' })), 'METHOD_NOT_ALLOWED', 405);
		await rejectsWith(() => admin.request(deleteField('articles', 'body')), 'METHOD_NOT_ALLOWED', 405);
		assert.ok(names(await admin.request(readCollections())).includes('articles'));
	});
});
