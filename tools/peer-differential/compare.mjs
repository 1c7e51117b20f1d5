// Normalises both servers' answers to what must be equal (key order, user and role ids,
// timestamps set while logging in and seeding, the number formatting of aggregates, the order of unordered rows) and
// classifies what still differs.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

function canonical(value, context, nestedArray) {
	if (Array.isArray(value)) {
		const items = value.map((v) => canonical(v, context, true));
		return nestedArray ? items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : items;
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k], context, true)]));
	}
	if (typeof value === 'string') {
		if (context.labels[value]) return context.labels[value];
		if (ISO.test(value)) {
			const t = Date.parse(value);
			if (t >= context.window.from && t <= context.window.to) return '<set while seeding>';
			return new Date(t).toISOString();
		}
		// Directus answers sums and averages as strings on PostgreSQL
		if (context.aggregate && /^-?\d+(\.\d+)?$/.test(value)) return round(Number(value));
	}
	if (typeof value === 'number') return round(value);
	return value;
}

const round = (n) => Number(n.toPrecision(9));

/** The comparable form of one answer: { status, code } for errors, else the normalised body. */
export function normalise(answer, context) {
	const { status, body } = answer;
	if (status >= 400) return { status, code: body?.errors?.[0]?.extensions?.code ?? null };
	if (context.export) {
		// a file: compared as text, with the ids that differ between the servers replaced
		const text = Object.entries(context.labels).reduce((t, [id, label]) => t.replaceAll(id, label), answer.text);
		return { status, type: answer.type?.replace(/\s/g, '').toLowerCase(), text };
	}
	if (!body || typeof body !== 'object') return { status, body };
	const data = canonical(body.data, context, !context.ordered);
	return { status, data, meta: body.meta === undefined ? undefined : canonical(body.meta, context, true) };
}

/** null when equal, else { kind, detail }. */
export function difference(t, d) {
	const brief = (x) => (x.status >= 400 ? `${x.status} ${x.code}` : `${x.status}`);
	if (t.status !== d.status) {
		if (d.status >= 500 && t.status >= 400 && t.status < 500) {
			// on purpose: a query Directus fails on is the client's error, answered as such
			return { kind: 'status differs on purpose', detail: `Tidings ${brief(t)}, Directus ${brief(d)}` };
		}
		return { kind: 'status differs', detail: `Tidings ${brief(t)}, Directus ${brief(d)}` };
	}
	if (t.status >= 400) {
		return t.code === d.code ? null : { kind: 'error code differs', detail: `Tidings ${t.code}, Directus ${d.code}` };
	}
	if (t.text !== undefined && (t.text !== d.text || t.type !== d.type)) {
		return { kind: 'file differs', detail: t.type === d.type ? '' : `Tidings ${t.type}, Directus ${d.type}` };
	}
	if (JSON.stringify(t.data) !== JSON.stringify(d.data)) return { kind: 'data differs', detail: '' };
	if (JSON.stringify(t.meta) !== JSON.stringify(d.meta)) return { kind: 'meta differs', detail: '' };
	return null;
}
