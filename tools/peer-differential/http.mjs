// A minimal REST client of one server (Tidings or Directus): logs in over /auth/login and sends
// requests with the account's bearer token, answering { status, body } without ever throwing on
// an HTTP error, so both servers' failures can be compared like their successes.
export async function connect(url, accounts) {
	const tokens = {};
	for (const [role, who] of Object.entries(accounts)) {
		const r = await fetch(`${url}/auth/login`, {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who),
		});
		if (!r.ok) throw new Error(`${url}: login of ${who.email} failed with ${r.status}: ${await r.text()}`);
		tokens[role] = (await r.json()).data.access_token;
	}
	const send = async (role, method, path, body) => {
		const headers = { Authorization: `Bearer ${tokens[role]}` };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const r = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await r.text();
		let parsed = text;
		try { parsed = text ? JSON.parse(text) : null; } catch { /* a non-JSON answer is compared as text */ }
		return { status: r.status, type: r.headers.get('content-type'), text, body: parsed };
	};
	const must = async (method, path, body) => {
		const r = await send('admin', method, path, body);
		if (r.status >= 300) throw new Error(`${url}: ${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
		return r.body?.data;
	};
	return { url, send, must };
}
