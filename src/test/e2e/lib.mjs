// Shared helpers: SDK clients wired for Node 20, a cookie-jar fetch, frame recording.
import assert from 'node:assert/strict';
import { createDirectus, authentication, rest, realtime, staticToken } from '@directus/sdk';
import { BrowserLikeWebSocket } from './ws.mjs';

/** A fetch that keeps cookies (Node's fetch keeps none), as a browser does for cookie-mode auth. */
export function cookieJarFetch() {
	const jar = new Map();
	const jarFetch = async (input, init = {}) => {
		const headers = new Headers(init.headers ?? {});
		if (jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
		const res = await fetch(input, { ...init, headers });
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a))
				|| attrs.some((a) => /^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
			if (expired || value === '') jar.delete(name); else jar.set(name, value);
		}
		return res;
	};
	jarFetch.jar = jar;
	return jarFetch;
}

/**
 * createDirectus(url).with(authentication()).with(rest()).with(realtime()), with the Node globals.
 * opts: mode ('json' | 'cookie'), realtime (config for realtime(), or false), fetch, token (static token
 * instead of authentication()).
 */
export function makeClient(url, opts = {}) {
	const globals = { WebSocket: opts.WebSocket ?? BrowserLikeWebSocket };
	if (opts.fetch) globals.fetch = opts.fetch;
	let client = createDirectus(url, { globals });
	client = opts.token !== undefined
		? client.with(staticToken(opts.token))
		: client.with(authentication(opts.mode ?? 'json', { autoRefresh: opts.autoRefresh ?? false, ...(opts.auth ?? {}) }));
	client = client.with(rest());
	if (opts.realtime !== false) client = client.with(realtime({ ...(opts.realtime ?? {}) }));
	return client;
}

/** Records every frame the SDK hands to message listeners. */
export function recordFrames(client) {
	const frames = [];
	const waiters = [];
	client.onWebSocket('message', (m) => {
		frames.push(m);
		for (const w of [...waiters]) if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); clearTimeout(w.t); w.res(m); }
	});
	return {
		frames,
		/** Resolves with the first recorded frame (past or future) matching pred. */
		waitFor(pred, timeoutMs = 5000, { from = 0 } = {}) {
			const hit = frames.slice(from).find(pred);
			if (hit) return Promise.resolve(hit);
			return new Promise((res, rej) => {
				const w = { pred, res };
				w.t = setTimeout(() => {
					waiters.splice(waiters.indexOf(w), 1);
					rej(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
				}, timeoutMs);
				waiters.push(w);
			});
		},
		since(i) { return frames.slice(i); },
		get length() { return frames.length; },
	};
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function loginToken(url, who) {
	const r = await fetch(`${url}/auth/login`, {
		method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who),
	});
	if (!r.ok) throw new Error(`login ${who.email}: ${r.status} ${await r.text()}`);
	return (await r.json()).data;
}

/** The frame without its cursor, once checked that it has one: every push and init carries it. */
export function withoutCursor(frame) {
	const { cursor, ...rest } = frame ?? {};
	assert.match(String(cursor), /^[0-9a-f]{8}-\d+$/, `a cursor on ${JSON.stringify(frame)}`);
	return rest;
}
