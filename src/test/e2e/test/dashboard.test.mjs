// The standalone app's live dashboard (served at /) in a real browser: Debian's Chromium driven
// by playwright-core. The Reader logs in through the page and watches articles while the Editor
// and the admin change them over REST; the table must follow every change the Reader may see and
// never show one it may not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, ADMIN, EDITOR, READER } from '../server.mjs';
import { loginToken } from '../lib.mjs';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'target');
const WAIT = { timeout: 30_000 }; // generous: CI shares two cores with other builds

let server;
let browser;
let profile;

before(async () => {
	server = await startServer();
	profile = mkdtempSync(join(tmpdir(), 'tidings-chromium-'));
	browser = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		viewport: { width: 1280, height: 800 },
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run'],
	});
});
after(async () => {
	await browser?.close();
	if (profile) rmSync(profile, { recursive: true, force: true });
	await server?.stop();
});

/** A REST call with a bearer token; the `data` of the answer. */
async function api(token, method, path, body) {
	const r = await fetch(`${server.url}${path}`, {
		method,
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
	return r.status === 204 ? null : (await r.json()).data;
}

/**
 * Runs in the page before its own scripts: records every text the table's body ever held and
 * every state the connection indicator took, and reads the table as {id: title}.
 */
function recordPage() {
	window.shownInTable = [];
	const formerStates = [];
	window.connectionStates = () => [...formerStates, document.querySelector('#connection').dataset.state];
	window.tableTitles = () => {
		const table = document.querySelector('#items');
		const column = [...(table.tHead.rows[0]?.cells ?? [])].findIndex((c) => c.textContent === 'title');
		return Object.fromEntries([...table.tBodies[0].rows].map((r) => [r.dataset.id, r.cells[column]?.textContent]));
	};
	addEventListener('DOMContentLoaded', () => {
		new MutationObserver((records) => {
			for (const record of records) {
				for (const node of record.addedNodes) window.shownInTable.push(node.textContent);
				if (record.type === 'characterData') window.shownInTable.push(record.target.data);
			}
		}).observe(document.querySelector('#items tbody'), { childList: true, subtree: true, characterData: true });
		new MutationObserver((records) => formerStates.push(...records.map((r) => r.oldValue)))
			.observe(document.querySelector('#connection'), { attributeFilter: ['data-state'], attributeOldValue: true });
	});
}

test('the Reader watches articles live: published ones appear, change and leave; a draft never shows', { timeout: 300_000 }, async () => {
	const admin = (await loginToken(server.url, ADMIN)).access_token;
	const editor = (await loginToken(server.url, EDITOR)).access_token;
	const reader = (await loginToken(server.url, READER)).access_token;
	const editorId = (await api(editor, 'GET', '/users/me')).id;

	const page = browser.pages()[0] ?? await browser.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
	await page.addInitScript(recordPage);
	const titles = () => page.evaluate(() => window.tableTitles());
	const untilTitle = (id, title) => page.waitForFunction(([i, t]) => window.tableTitles()[i] === t, [String(id), title], WAIT);
	const untilGone = (id) => page.waitForFunction((i) => !(i in window.tableTitles()), String(id), WAIT);

	await page.goto(`${server.url}/`);
	assert.equal(await page.locator('#connection').getAttribute('data-state'), 'closed');

	// log in through the form; the page subscribes to the first collection the Reader may read
	await page.fill('#login input[name=email]', READER.email);
	await page.fill('#login input[name=password]', READER.password);
	await page.click('#login button[type=submit]');
	await page.locator('#connection[data-state="open"]').waitFor(WAIT);
	assert.deepEqual(await page.locator('#collection option').allTextContents(), ['articles', 'comments'],
		'the Reader may read articles and comments, nothing else');

	// the init fills the table with what the Reader reads over REST, in the Reader's four fields
	const published = await api(reader, 'GET', '/items/articles?fields=id,title&limit=-1');
	assert.ok(published.length > 0);
	await page.waitForFunction((n) => document.querySelectorAll('#items tbody tr').length === n, published.length, WAIT);
	assert.deepEqual(await titles(), Object.fromEntries(published.map((a) => [String(a.id), a.title])));
	assert.deepEqual((await page.locator('#items thead th').allTextContents()).sort(), ['id', 'published_at', 'status', 'title']);

	const nonce = Date.now().toString(36);
	const draftTitle = `Draft ${nonce}`;
	const draft = await api(editor, 'POST', '/items/articles', { title: draftTitle, status: 'draft', author: editorId });
	const live = await api(editor, 'POST', '/items/articles',
		{ title: `Live ${nonce}`, status: 'published', published_at: '2026-06-01T09:00:00.000Z', author: editorId });
	await untilTitle(live.id, `Live ${nonce}`);
	// pushes come in commit order, so the draft's would have been drawn before this row
	const draftShown = () => page.evaluate((t) => window.shownInTable.some((text) => text.includes(t)), draftTitle);
	assert.equal(await draftShown(), false, 'the draft reached the Reader\'s table');

	// the Editor edits both own articles: the published one changes in place, the draft stays away
	await api(editor, 'PATCH', `/items/articles/${draft.id}`, { title: `${draftTitle} (edited)` });
	await api(editor, 'PATCH', `/items/articles/${live.id}`, { title: `Live ${nonce} (edited)` });
	await untilTitle(live.id, `Live ${nonce} (edited)`);

	// a draft the admin publishes enters the Reader's view
	const later = await api(editor, 'POST', '/items/articles', { title: `Later ${nonce}`, status: 'draft', author: editorId });
	await api(admin, 'PATCH', `/items/articles/${later.id}`, { status: 'published', published_at: '2026-06-02T09:00:00.000Z' });
	await untilTitle(later.id, `Later ${nonce}`);
	mkdirSync(target, { recursive: true });
	await page.screenshot({ path: join(target, 'dashboard.png'), fullPage: true });

	// deleted, or archived out of the Reader's view: the rows leave
	await api(admin, 'DELETE', `/items/articles/${live.id}`);
	await untilGone(live.id);
	await api(admin, 'PATCH', `/items/articles/${later.id}`, { status: 'archived' });
	await untilGone(later.id);
	await api(admin, 'DELETE', `/items/articles/${draft.id}`);

	// the table is back to what the Reader reads, the draft never showed, the socket stayed open
	assert.deepEqual(await titles(), Object.fromEntries(published.map((a) => [String(a.id), a.title])));
	assert.equal(await draftShown(), false, 'the draft reached the Reader\'s table');
	assert.equal(await page.locator(`#items tbody tr[data-id="${draft.id}"]`).count(), 0);
	assert.equal(await page.locator('#connection').textContent(), 'open');
	assert.deepEqual(await page.evaluate(() => window.connectionStates()), ['closed', 'connecting', 'open']);

	// the event log tells the same story, newest first
	const events = (await page.locator('#log li').evaluateAll((items) => items.map((li) => li.dataset.kind)))
		.filter((kind) => ['init', 'create', 'update', 'delete'].includes(kind));
	assert.deepEqual(events.reverse(), ['init', 'create', 'update', 'update', 'delete', 'delete']);

	// logging out closes the socket and shows the form again
	await page.click('#logout');
	await page.locator('#login').waitFor({ state: 'visible', ...WAIT });
	await page.locator('#connection[data-state="closed"]').waitFor(WAIT);
	assert.equal(await page.locator('#items tbody tr').count(), 0);
	assert.deepEqual(problems, []);
});

test('the Activity view follows the logged-in user\'s own activity live, and nobody else\'s', { timeout: 300_000 }, async () => {
	const admin = (await loginToken(server.url, ADMIN)).access_token;
	const editor = (await loginToken(server.url, EDITOR)).access_token;
	const editorId = (await api(editor, 'GET', '/users/me')).id;

	const page = await browser.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
	const entries = () => page.locator('#activity li').evaluateAll((items) => items.map((li) => ({
		action: li.dataset.action, collection: li.dataset.collection, item: li.dataset.item, text: li.textContent })));
	const untilEntry = (action, item) => page.waitForFunction(([a, i]) =>
		document.querySelector(`#activity li[data-action="${a}"][data-item="${i}"]`) !== null, [action, String(item)], WAIT);

	await page.goto(`${server.url}/`);
	assert.equal(await page.locator('#activity-pane').isHidden(), true, 'no Activity view before logging in');
	await page.fill('#login input[name=email]', EDITOR.email);
	await page.fill('#login input[name=password]', EDITOR.password);
	await page.click('#login button[type=submit]');
	await page.locator('#connection[data-state="open"]').waitFor(WAIT);
	await page.locator('#activity-pane').waitFor({ state: 'visible', ...WAIT });

	// the init holds the Editor's own login, the one the form just made
	await untilEntry('login', editorId);
	assert.match((await entries()).find((e) => e.action === 'login').text, /directus_users #.* by you/);
	// the activity view has its own pane: the collection list keeps to content
	assert.equal((await page.locator('#collection option').allTextContents()).includes('directus_activity'), false);

	// the Editor's writes appear as they commit, newest first
	const nonce = Date.now().toString(36);
	const mine = await api(editor, 'POST', '/items/articles', { title: `Mine ${nonce}`, status: 'draft', author: editorId });
	await untilEntry('create', mine.id);
	await api(editor, 'PATCH', `/items/articles/${mine.id}`, { title: `Mine ${nonce} (edited)` });
	await untilEntry('update', mine.id);
	const [newest, previous] = await entries();
	assert.deepEqual([newest.action, newest.collection, newest.item], ['update', 'articles', String(mine.id)]);
	assert.deepEqual([previous.action, previous.item], ['create', String(mine.id)]);
	assert.match(newest.text, /by you$/);

	// the admin's writes are the admin's activity: never in the Editor's feed, even on the Editor's article
	const theirs = await api(admin, 'POST', '/items/articles', { title: `Theirs ${nonce}`, status: 'draft' });
	await api(admin, 'PATCH', `/items/articles/${mine.id}`, { status: 'archived' });
	// the Editor's next write commits after the admin's: once it shows, the admin's had its chance
	await api(editor, 'PATCH', `/items/articles/${mine.id}`, { title: `Mine ${nonce} (again)` });
	await page.waitForFunction((i) => document.querySelectorAll(`#activity li[data-action="update"][data-item="${i}"]`).length === 2,
		String(mine.id), WAIT);
	const shown = await entries();
	assert.equal(shown.some((e) => e.item === String(theirs.id)), false, 'the admin\'s create reached the Editor\'s feed');
	assert.equal(shown.filter((e) => e.item === String(mine.id)).map((e) => e.action).join(','), 'update,update,create',
		'the admin\'s update of the Editor\'s article reached the Editor\'s feed');
	await page.screenshot({ path: join(target, 'dashboard-activity.png'), fullPage: true });
	await api(admin, 'DELETE', `/items/articles/${theirs.id}`);
	await api(admin, 'DELETE', `/items/articles/${mine.id}`);

	await page.click('#logout');
	await page.locator('#activity-pane').waitFor({ state: 'hidden', ...WAIT });
	assert.equal(await page.locator('#activity li').count(), 0);
	assert.deepEqual(problems, []);
	await page.close();
});
