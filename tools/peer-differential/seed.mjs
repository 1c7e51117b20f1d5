// Gives both servers the same rows: empties articles and comments, creates the rows on Tidings
// first and then on Directus with the keys Tidings chose (Directus accepts explicit integer
// keys), so integer keys are equal on both sides and only user ids (UUIDs) need mapping.
// Tidings' demo roles have no permission on comments; the Directus demo model grants the
// Editor and the Reader what a comments feature needs, so the same grants are added here.

const TITLES = [
	'Spring Boot notes #1', 'Directus notes #2', '100% sure', 'snake_case_title', 'Quote "here"', 'Ünïcode café',
	'42', '3 ways to sort', 'spring cleaning', 'UPPER lower', 'tab\tand newline\nin title', 'a_b%c', 'Notes 2025',
	'zebra', 'Apple', 'apple', 'emoji 🎉 title', '  padded  ', 'x', 'The end #20', 'views 100', 'Null', 'true', '0.5',
];
const STATUSES = ['published', 'draft', 'archived'];
const AUTHORS = ['admin@example.com', 'editor@example.com', 'reader@example.com', null];
const DATES = [
	'2026-01-01T09:00:00.000Z', '2026-02-02T09:00:00.000Z', null, '2025-12-31T23:30:00.000Z', '2024-02-29T12:00:00.000Z',
	'2026-03-08T00:00:00.000Z', '2025-06-15T18:45:30.500Z', null, '2026-01-04T05:06:07.000Z', '2024-12-30T00:00:00.000Z',
];

export function articleRows() {
	return TITLES.map((title, i) => ({
		title,
		body: i % 5 === 3 ? null : i % 7 === 0 ? '' : `Body ${i} about ${title.toLowerCase()} ${i % 2 ? 'spring' : 'directus'} ${i * 7}`,
		status: STATUSES[i % 3],
		views: (i * 37) % 250,
		published_at: DATES[i % DATES.length],
		author: AUTHORS[i % AUTHORS.length],
	}));
}

export function commentRows(articleCount) {
	const rows = [];
	for (let i = 0; i < 40; i++) {
		rows.push({
			article: (i * 5) % articleCount,
			body: i % 9 === 4 ? null : `Comment ${i}${i % 4 === 0 ? ' great 100%' : ''}${i % 6 === 1 ? ' spring' : ''}`,
			user: AUTHORS[(i + 1) % AUTHORS.length],
		});
	}
	return rows;
}

async function emptyCollection(side, collection) {
	const rows = await side.must('GET', `/items/${collection}?fields=id&limit=-1`);
	if (rows.length) await side.must('DELETE', `/items/${collection}`, rows.map((r) => r.id));
}

async function userIds(side) {
	const users = await side.must('GET', '/users?fields=id,email&limit=-1');
	return Object.fromEntries(users.map((u) => [u.email, u.id]));
}

/** Every user and role id of the side, as the label both sides share: user:email, role:name. */
async function labels(side) {
	const users = await side.must('GET', '/users?fields=id,email&limit=-1');
	const roles = await side.must('GET', '/roles?fields=id,name&limit=-1');
	return Object.fromEntries([...users.map((u) => [u.id, `user:${u.email}`]), ...roles.map((r) => [r.id, `role:${r.name}`])]);
}

const q = (value) => encodeURIComponent(JSON.stringify(value));

async function grantComments(tidings) {
	const grants = {
		Editor: [
			{ action: 'read', fields: ['*'], permissions: {} },
			{ action: 'create', fields: ['*'], permissions: {} },
		],
		Reader: [{ action: 'read', fields: ['id', 'body', 'date_created'], permissions: { article: { status: { _eq: 'published' } } } }],
	};
	for (const [name, permissions] of Object.entries(grants)) {
		const [policy] = await tidings.must('GET', `/policies?fields=id&filter=${q({ name: { _eq: name } })}`);
		const existing = await tidings.must('GET',
			`/permissions?fields=id&filter=${q({ policy: { _eq: policy.id }, collection: { _eq: 'comments' } })}`);
		if (existing.length) continue;
		for (const p of permissions) {
			await tidings.must('POST', '/permissions', { policy: policy.id, collection: 'comments', validation: {}, ...p });
		}
	}
}

/**
 * Seeds both sides; returns { labels: { tidings: {uuid: label}, directus: {uuid: label} }, window }
 * where window is the time span from `since` (before the logins) to the end of the seeding, so
 * timestamps set on login or create fall in it.
 */
export async function seed(tidings, directus, since) {
	for (const side of [tidings, directus]) {
		await emptyCollection(side, 'comments');
		await emptyCollection(side, 'articles');
	}
	await grantComments(tidings);
	const ids = { tidings: await userIds(tidings), directus: await userIds(directus) };
	const on = (side, email) => (email ? ids[side][email] : null);

	const articles = articleRows();
	const created = await tidings.must('POST', '/items/articles?fields=id',
		articles.map((a) => ({ ...a, author: on('tidings', a.author) })));
	const articleKeys = created.map((c) => c.id);
	await directus.must('POST', '/items/articles?fields=id',
		articles.map((a, i) => ({ id: articleKeys[i], ...a, author: on('directus', a.author) })));

	const comments = commentRows(articles.length);
	const createdComments = await tidings.must('POST', '/items/comments?fields=id',
		comments.map((c) => ({ ...c, article: articleKeys[c.article], user: on('tidings', c.user) })));
	await directus.must('POST', '/items/comments?fields=id', comments.map((c, i) => ({
		id: createdComments[i].id, ...c, article: articleKeys[c.article], user: on('directus', c.user),
	})));

	return {
		ids,
		labels: { tidings: await labels(tidings), directus: await labels(directus) },
		window: { from: since - 1000, to: Date.now() + 1000 },
		articleKeys,
		commentKeys: createdComments.map((c) => c.id),
	};
}
