// Files, assets, activity, revisions and comments through @directus/sdk, as its documentation uses
// them: uploadFiles with a FormData, readFile(s), asset URLs with transforms, readActivities,
// readRevisions, createComment/readComments, and a live activity feed with one subscribe call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync, crc32 } from 'node:zlib';
import {
	uploadFiles, readFiles, readFile, updateFile, deleteFile, readAssetArrayBuffer, readActivities, readRevisions,
	createComment, readComments, readItem, createItem, updateItem, deleteItem, readMe, isDirectusError,
} from '@directus/sdk';
import { startServer, ADMIN, EDITOR, READER } from '../server.mjs';
import { makeClient, recordFrames } from '../lib.mjs';

let server;
let admin; let editor; let reader;

/** A truecolour PNG of the given size, drawn pixel by pixel: what a browser would upload. */
function png(width, height) {
	const chunk = (type, data) => {
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		out.write(type, 4, 'latin1');
		data.copy(out, 8);
		out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const rows = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) rows.set([x * 4 % 256, y * 4 % 256, 128], y * (width * 3 + 1) + 1 + x * 3);
	}
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Width and height from a PNG's IHDR or a JPEG's first start-of-frame marker. */
function dimensions(bytes) {
	const b = Buffer.from(bytes);
	if (b.readUInt32BE(0) === 0x89504e47) return [b.readUInt32BE(16), b.readUInt32BE(20)];
	assert.equal(b.readUInt16BE(0), 0xffd8, 'neither a PNG nor a JPEG');
	for (let i = 2; i < b.length;) {
		const marker = b.readUInt16BE(i);
		if (marker >= 0xffc0 && marker <= 0xffc3) return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
		i += 2 + b.readUInt16BE(i + 2);
	}
	throw new Error('no start-of-frame in the JPEG');
}

async function rejectsWith(fn, code) {
	try {
		await fn();
	} catch (e) {
		assert.ok(isDirectusError(e), `expected a DirectusError, got ${e?.stack ?? JSON.stringify(e)}`);
		assert.equal(e.errors?.[0]?.extensions?.code, code, JSON.stringify(e.errors));
		return e;
	}
	assert.fail(`expected ${code}`);
}

function form(fields, name, bytes, type) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	data.append('file', new Blob([bytes], { type }), name);
	return data;
}

before(async () => {
	server = await startServer();
	admin = makeClient(server.url);
	editor = makeClient(server.url);
	reader = makeClient(server.url, { realtime: false });
	await admin.login(ADMIN);
	await editor.login(EDITOR);
	await reader.login(READER);
});
after(async () => {
	admin?.disconnect();
	editor?.disconnect();
	await server?.stop();
});

test('uploadFiles stores the bytes with metadata detected from them; readFile(s) read it back', async () => {
	// the browser claims text/plain: the type comes from the bytes, not from the client
	const uploaded = await admin.request(uploadFiles(form({ title: 'Harbour at dawn' }, 'harbour.png', png(64, 48), 'text/plain')));
	assert.equal(uploaded.title, 'Harbour at dawn');
	assert.equal(uploaded.type, 'image/png');
	assert.equal(uploaded.filename_download, 'harbour.png');
	assert.equal(uploaded.width, 64);
	assert.equal(uploaded.height, 48);
	assert.equal(Number(uploaded.filesize), png(64, 48).length);
	assert.equal(uploaded.uploaded_by, (await admin.request(readMe({ fields: ['id'] }))).id);

	const one = await admin.request(readFile(uploaded.id, { fields: ['id', 'title', 'type'] }));
	assert.deepEqual(one, { id: uploaded.id, title: 'Harbour at dawn', type: 'image/png' });
	const many = await admin.request(readFiles({ filter: { type: { _eq: 'image/png' } }, fields: ['id'] }));
	assert.ok(many.some((f) => f.id === uploaded.id));
	const renamed = await admin.request(updateFile(uploaded.id, { title: 'Harbour at noon' }));
	assert.equal(renamed.title, 'Harbour at noon');

	// the Reader's role has no permission on directus_files: nothing to read, not even the asset
	await rejectsWith(() => reader.request(readFile(uploaded.id)), 'FORBIDDEN');
	const refused = await fetch(`${server.url}/assets/${uploaded.id}`, { headers: { Authorization: `Bearer ${await reader.getToken()}` } });
	assert.equal(refused.status, 403);
});

test('asset URLs serve the original with ETag and ranges, and transforms scale and convert it', async () => {
	const original = png(64, 48);
	const file = await admin.request(uploadFiles(form({}, 'grid.png', original, 'image/png')));
	const token = await admin.getToken();
	const url = (query = '') => `${server.url}/assets/${file.id}${query}${query ? '&' : '?'}access_token=${token}`;

	const whole = await fetch(url());
	assert.equal(whole.status, 200);
	assert.equal(whole.headers.get('content-type'), 'image/png');
	assert.deepEqual(Buffer.from(await whole.arrayBuffer()), original);
	const etag = whole.headers.get('etag');
	assert.ok(etag, 'an ETag');
	assert.equal((await fetch(url(), { headers: { 'If-None-Match': etag } })).status, 304);
	const part = await fetch(url(), { headers: { Range: 'bytes=0-7' } });
	assert.equal(part.status, 206);
	assert.deepEqual(Buffer.from(await part.arrayBuffer()), original.subarray(0, 8));
	assert.match((await fetch(url('?download'))).headers.get('content-disposition'), /^attachment;.*grid\.png/);

	// the SDK's own asset command, with transform parameters
	const small = await admin.request(readAssetArrayBuffer(file.id, { width: 32 }));
	assert.deepEqual(dimensions(small), [32, 24]);
	const square = await fetch(url('?width=20&height=20&fit=cover&format=jpg&quality=70'));
	assert.equal(square.headers.get('content-type'), 'image/jpeg');
	assert.deepEqual(dimensions(await square.arrayBuffer()), [20, 20]);
	const inside = await fetch(url('?width=20&height=20&fit=inside'));
	assert.deepEqual(dimensions(await inside.arrayBuffer()), [20, 15]);
	const bad = await fetch(url('?width=-3'));
	assert.equal(bad.status, 400);
	assert.equal((await bad.json()).errors[0].extensions.code, 'INVALID_QUERY');

	await admin.request(deleteFile(file.id));
	assert.equal((await fetch(url())).status, 403);
});

test('readActivities and readRevisions tell who changed what; a user reads their own activity', async () => {
	const me = (await editor.request(readMe({ fields: ['id'] }))).id;
	const article = await editor.request(createItem('articles', { title: 'Activity probe', status: 'draft', author: me }));
	await editor.request(updateItem('articles', article.id, { title: 'Activity probe, edited' }));

	const mine = await editor.request(readActivities({
		filter: { collection: { _eq: 'articles' }, item: { _eq: String(article.id) } }, sort: ['id'], fields: ['action', 'user', 'ip', 'user_agent'],
	}));
	assert.deepEqual(mine.map((a) => a.action), ['create', 'update']);
	assert.ok(mine.every((a) => a.user === me && a.ip && a.user_agent !== undefined));

	// the admin's activity is not the Editor's to read
	await admin.request(updateItem('articles', article.id, { status: 'archived' }));
	const seen = await editor.request(readActivities({ filter: { item: { _eq: String(article.id) } }, fields: ['user'] }));
	assert.ok(seen.length === 2 && seen.every((a) => a.user === me), JSON.stringify(seen));
	const all = await admin.request(readActivities({ filter: { item: { _eq: String(article.id) }, collection: { _eq: 'articles' } }, fields: ['action'] }));
	assert.equal(all.length, 3);

	const revisions = await admin.request(readRevisions({
		filter: { collection: { _eq: 'articles' }, item: { _eq: String(article.id) } }, sort: ['id'], fields: ['data', 'delta', 'activity.action'],
	}));
	assert.deepEqual(revisions.map((r) => r.activity.action), ['create', 'update', 'update']);
	assert.deepEqual(revisions[1].delta, { title: 'Activity probe, edited' });
	assert.equal(revisions[1].data.title, 'Activity probe, edited');
	assert.equal(revisions[2].data.status, 'archived');
	await admin.request(deleteItem('articles', article.id));
});

test('comments sit next to the item, written by their author, under permissions', async () => {
	const article = await admin.request(createItem('articles', { title: 'Up for discussion', status: 'published' }));
	const comment = await admin.request(createComment({ collection: 'articles', item: String(article.id), comment: 'Needs a photo.' }));
	assert.equal(comment.comment, 'Needs a photo.');
	assert.equal(comment.user_created, (await admin.request(readMe({ fields: ['id'] }))).id);
	const thread = await admin.request(readComments({ filter: { collection: { _eq: 'articles' }, item: { _eq: String(article.id) } } }));
	assert.deepEqual(thread.map((c) => c.comment), ['Needs a photo.']);
	await rejectsWith(() => reader.request(createComment({ collection: 'articles', item: String(article.id), comment: 'sneaky' })), 'FORBIDDEN');
	await admin.request(deleteItem('articles', article.id));
});

test('a live activity feed is one subscribe call', async () => {
	const frames = recordFrames(editor);
	const { subscription } = await editor.subscribe('directus_activity', { query: { fields: ['action', 'collection', 'item'] } });
	const first = await subscription.next();
	assert.equal(first.value.event, 'init');
	const me = (await editor.request(readMe({ fields: ['id'] }))).id;
	const article = await editor.request(createItem('articles', { title: 'Live activity', status: 'draft', author: me }));
	const pushed = await frames.waitFor((f) => f.type === 'subscription' && f.event === 'create'
		&& f.data.some((a) => a.collection === 'articles' && a.item === String(article.id)), 10_000);
	assert.equal(pushed.data.find((a) => a.item === String(article.id)).action, 'create');
	// the admin's writes are not the Editor's activity: they never arrive
	const theirs = await admin.request(createItem('articles', { title: 'Not yours', status: 'draft' }));
	await editor.request(updateItem('articles', article.id, { title: 'Live activity, edited' }));
	await frames.waitFor((f) => f.event === 'create' && f.data.some((a) => a.action === 'update' && a.item === String(article.id)), 10_000);
	assert.equal(frames.frames.some((f) => f.event === 'create' && f.data.some((a) => a.item === String(theirs.id))), false);
	await admin.request(deleteItem('articles', theirs.id));
	await admin.request(deleteItem('articles', article.id));
});
