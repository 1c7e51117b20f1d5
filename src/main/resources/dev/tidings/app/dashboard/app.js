// The live dashboard: log in, pick a collection the user may read, and watch its items change
// through @directus/sdk's realtime() client. The SDK is the npm package's own dist/, which the
// build copies next to this file.
import { createDirectus, authentication, rest, realtime, readMe, readUserPermissions } from './sdk/index.js';
import { LiveTable } from './live-table.js';
import { EventLog } from './event-log.js';
import { ActivityFeed, ACTIVITY_QUERY } from './activity-feed.js';

const $ = (id) => document.getElementById(id);
const table = new LiveTable($('items'), $('count'));
const log = new EventLog($('log'));
const activity = new ActivityFeed($('activity'));

let session = null; // { client, watching } while logged in

/**
 * An SDK client of the server that serves this page (REST at its root, the socket at
 * /websocket). In handshake mode, the server's default, the SDK sends the access token in an
 * auth message as soon as the socket opens and reports open only after the server's auth ok.
 * It says nothing when it (re)connects, so a WebSocket subclass reports that.
 */
function newClient() {
	const current = () => session?.client === client;
	class ReportingWebSocket extends WebSocket {
		constructor(...args) {
			super(...args);
			if (current()) showConnection('connecting');
		}
	}
	const client = createDirectus(location.origin, { globals: { WebSocket: ReportingWebSocket } })
		.with(authentication('json'))
		.with(rest())
		.with(realtime({ authMode: 'handshake' }));
	client.onWebSocket('open', () => {
		if (!current()) return;
		showConnection('open');
		log.add('open', 'connected and authenticated');
	});
	client.onWebSocket('close', (event) => {
		if (!current()) return;
		showConnection('closed');
		log.add('closed', `code ${event.code}; the SDK retries`);
	});
	return client;
}

async function logIn(email, password) {
	const client = newClient();
	await client.login({ email, password });
	const permissions = await client.request(readUserPermissions());
	const OWN_VIEW = new Set(['directus_activity', 'directus_revisions']);
	const mayRead = (name) => permissions[name] && permissions[name].read?.access !== 'none';
	// content first: the system collections (users, roles…) are the administrator's business;
	// activity (and the revisions it links to) has a view of its own
	const readable = Object.keys(permissions)
		.filter((name) => mayRead(name) && !OWN_VIEW.has(name))
		.sort((a, b) => a.startsWith('directus_') - b.startsWith('directus_'));
	session = { client, watching: null };
	$('collection').replaceChildren(...readable.map((name) => new Option(name, name)));
	$('who').textContent = email;
	$('login').hidden = true;
	$('watch').hidden = false;
	$('logout').hidden = false;
	log.add('login', email);
	if (mayRead('directus_activity')) followActivity(session, (await client.request(readMe({ fields: ['id'] }))).id);
	if (readable.length > 0) watch(readable[0]);
	else log.add('error', 'this account may read no collection');
}

/**
 * The Activity view: a second subscription on the same socket. Activity is only ever created,
 * so the init and each create are all it needs.
 */
async function followActivity(following, me) {
	$('activity-pane').hidden = false;
	try {
		const { subscription } = await following.client.subscribe('directus_activity', { query: ACTIVITY_QUERY });
		for await (const { event, data } of subscription) {
			if (session !== following) break;
			if (event === 'init') activity.replace(data, me);
			else if (event === 'create') activity.add(data);
		}
	} catch (error) {
		if (session === following) log.add('error', `activity: ${describeError(error)}`);
	}
}

/** Subscribes to the collection (connecting first if needed) and applies every message to the table. */
async function watch(collection) {
	const watching = { unsubscribe() {} };
	const previous = session.watching;
	session.watching = watching;
	quietly(() => previous?.unsubscribe());
	table.clear();
	log.add('watch', collection);
	const stillWatching = () => session?.watching === watching;
	try {
		const { subscription, unsubscribe } = await session.client.subscribe(collection);
		watching.unsubscribe = unsubscribe;
		if (!stillWatching()) return quietly(unsubscribe);
		for await (const message of subscription) {
			// the server acknowledges an unsubscribe on this uid: nothing after a switch counts
			if (!stillWatching()) break;
			apply(message);
		}
		if (stillWatching()) log.add('error', `no more messages for ${collection}: reconnecting failed`);
	} catch (error) {
		if (stillWatching()) log.add('error', describeError(error));
	}
}

function apply({ event, data }) {
	switch (event) {
		case 'init':
			table.replace(data);
			log.add('init', `${data.length} item${data.length === 1 ? '' : 's'}`);
			break;
		case 'create':
		case 'update':
			table.upsert(data);
			log.add(event, data.map((item) => `#${item.id}${item.title ? ` “${item.title}”` : ''}`).join(', '));
			break;
		case 'delete':
			table.remove(data);
			log.add('delete', data.map((key) => `#${key}`).join(', '));
			break;
	}
}

async function logOut() {
	const { client, watching } = session;
	session = null;
	quietly(() => watching?.unsubscribe());
	client.disconnect();
	showConnection('closed');
	table.clear();
	log.clear();
	activity.clear();
	$('activity-pane').hidden = true;
	$('who').textContent = '';
	$('watch').hidden = true;
	$('logout').hidden = true;
	$('login').hidden = false;
	// ends the session on the server too; the page is logged out either way
	await client.logout().catch(() => {});
}

function showConnection(state) {
	$('connection').dataset.state = state;
	$('connection').textContent = state;
}

// The SDK throws REST errors as {errors: [{message}]}, subscription errors as {error: {message}}
// and connection failures as strings or events.
function describeError(error) {
	return error?.errors?.[0]?.message ?? error?.error?.message ?? error?.message ?? String(error);
}

// Unsubscribing needs an open socket; without one there is nothing to stop.
function quietly(action) {
	try {
		action();
	} catch {
		// nothing to do
	}
}

$('login').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = event.target;
	const button = form.querySelector('button');
	$('login-error').textContent = '';
	button.disabled = true;
	try {
		await logIn(form.email.value, form.password.value);
		form.password.value = '';
	} catch (error) {
		$('login-error').textContent = describeError(error);
	} finally {
		button.disabled = false;
	}
});
$('logout').addEventListener('click', logOut);
$('collection').addEventListener('change', (event) => watch(event.target.value));
