// Random read queries over the demo model, reproducible from a seed. Each query exercises one
// main feature (its `feature`, the report's grouping key) with few other parameters, so the
// shortest query of a difference class is close to a minimal reproduction. User ids differ
// between the servers, so they are written as {{user:email}} and filled in per server.

export function random(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

const STRING_OPS = ['_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin', '_null', '_nnull', '_contains', '_ncontains',
	'_icontains', '_nicontains', '_starts_with', '_nstarts_with', '_istarts_with', '_nistarts_with', '_ends_with',
	'_nends_with', '_iends_with', '_niends_with', '_empty', '_nempty', '_regex', '_between'];
const NUMBER_OPS = ['_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin', '_null', '_nnull', '_between', '_nbetween',
	'_contains', '_empty'];
const DATE_OPS = NUMBER_OPS;
const KEY_OPS = ['_eq', '_neq', '_in', '_nin', '_null', '_nnull', '_contains'];

const STRINGS = ['spring', 'Spring', '%', '_', '100%', 'a_b', '42', '', 'x', 'notes', 'É', 'apple', 'Body 3', '#'];
const NUMBERS = [0, 37, 100, '100', 'abc', 1.5, -1];
const DATES = ['2026-01-01T09:00:00.000Z', '2025-01-01', '$NOW', '$NOW(-1 year)', '2026', 'not-a-date', '2025-12-31T23:30:00Z'];
const USERS = ['{{user:editor@example.com}}', '{{user:admin@example.com}}', '$CURRENT_USER', 'not-a-uuid', null];

// field, kind, collection
const FILTER_FIELDS = [
	['id', 'number', 'articles'], ['title', 'string', 'articles'], ['body', 'string', 'articles'],
	['status', 'string', 'articles'], ['views', 'number', 'articles'], ['published_at', 'date', 'articles'],
	['author', 'key', 'articles'], ['author.email', 'string', 'articles'], ['comments.body', 'string', 'articles'],
	['year(published_at)', 'number', 'articles'], ['month(published_at)', 'number', 'articles'],
	['weekday(published_at)', 'number', 'articles'], ['count(comments)', 'number', 'articles'],
	['article.status', 'string', 'comments'], ['article.views', 'number', 'comments'], ['date_created', 'date', 'comments'],
	['user', 'key', 'comments'], ['body', 'string', 'comments'], ['article', 'number', 'comments'],
];

function operand(r, kind, op) {
	const pool = kind === 'string' ? STRINGS : kind === 'number' ? NUMBERS : kind === 'date' ? DATES : USERS;
	if (op === '_null' || op === '_nnull' || op === '_empty' || op === '_nempty') return r.pick([true, false, 'true']);
	if (op === '_in' || op === '_nin') return [r.pick(pool), r.pick(pool)];
	if (op === '_between' || op === '_nbetween') return [r.pick(pool), r.pick(pool)];
	return r.pick(pool);
}

function nest(path, condition) {
	return path.split('.').reverse().reduce((inner, key) => ({ [key]: inner }), condition);
}

function filterOf(r, collection) {
	const [field, kind] = r.pick(FILTER_FIELDS.filter((f) => f[2] === collection));
	const ops = kind === 'string' ? STRING_OPS : kind === 'number' ? NUMBER_OPS : kind === 'date' ? DATE_OPS : KEY_OPS;
	const op = r.pick(ops);
	return { filter: nest(field, { [op]: operand(r, kind, op) }), feature: `filter ${op} on ${kind}${field.includes('.') ? ' (relational)' : field.includes('(') ? ' (function)' : ''}` };
}

const FIELDS = {
	articles: ['*', '*.*', 'id,title', 'author.*', 'author.email', 'comments.*', 'comments.body', 'comments.user.email',
		'id,year(published_at),month(published_at)', 'id,count(comments)', 'id,day(published_at),weekday(published_at),hour(published_at)',
		'id,week(published_at),minute(published_at),second(published_at)', 'id,nonexistent', 'title,author.nonexistent', '*.*.*',
		'id,comments', 'id,author', 'id,comments.article.title'],
	comments: ['*', '*.*', 'id,article.title', 'article.*', 'id,user.email', 'id,year(date_created)', 'article.comments.body'],
};
const SORTS = ['id', '-id', 'title', '-title', 'views', '-views', 'published_at', '-published_at', 'status', 'author.email',
	'-author.email', 'year(published_at)', 'body', 'nonexistent', 'comments'];
const SEARCHES = ['spring', 'SPRING', '42', '100', '%', 'note', '0.5', '3', 'café', '_'];
const AGG_FUNCTIONS = ['count', 'countDistinct', 'countAll', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max'];
const AGG_FIELDS = ['*', 'id', 'views', 'title', 'published_at', 'author', 'status', 'body'];
const GROUPS = [null, 'status', 'author', 'year(published_at)', 'status,author', 'month(published_at)'];
const DEEPS = [
	{ comments: { _limit: 1 } }, { comments: { _sort: ['-id'] } }, { comments: { _filter: { body: { _contains: 'great' } } } },
	{ comments: { _offset: 1, _sort: ['id'] } }, { comments: { _limit: -1, _filter: { user: { _null: true } } } },
	{ comments: { _page: 2, _limit: 1, _sort: ['id'] } },
];
const ALIASES = [
	[{ c: 'comments' }, 'id,c.body'], [{ t: 'title' }, 'id,t'], [{ one: 'comments', two: 'comments' }, 'id,one.id,two.body'],
	[{ a: 'author' }, 'id,a.email'],
];

function build(r, collection, feature) {
	const params = {};
	let name = feature;
	switch (feature) {
		case 'fields':
			params.fields = r.pick(FIELDS[collection]);
			name = `fields ${params.fields}`;
			break;
		case 'filter': {
			const f = filterOf(r, collection);
			// the other branch of _and/_or is plain, so the condition under test stays the feature
			params.filter = r.chance(0.15) ? { [r.pick(['_and', '_or'])]: [f.filter, { id: { _gt: 0 } }] } : f.filter;
			params.fields = 'id';
			name = f.feature;
			break;
		}
		case 'some/none': {
			const op = r.pick(['_some', '_none']);
			params.filter = { comments: { [op]: filterOf(r, 'comments').filter } };
			params.fields = 'id';
			name = `filter ${op} on one-to-many`;
			break;
		}
		case 'sort':
			params.sort = r.pick(SORTS);
			name = `sort ${params.sort.replace(/^-/, '')}`;
			// ties (three statuses, null dates) are broken by the key, so the order is defined
			if (!/^-?id$/.test(params.sort)) params.sort += ',id';
			params.fields = 'id';
			break;
		case 'pagination':
			params.sort = 'id';
			params.fields = 'id';
			if (r.chance(0.7)) params.limit = r.pick([0, 1, 2, 5, -1, -2, 'x']);
			if (r.chance(0.5)) params.offset = r.pick([0, 1, 3, 100, -1]);
			if (r.chance(0.4)) params.page = r.pick([0, 1, 2, 3]);
			name = `pagination ${Object.keys(params).filter((k) => !['sort', 'fields'].includes(k)).join('+') || 'none'}`;
			break;
		case 'search':
			params.search = r.pick(SEARCHES);
			params.fields = 'id';
			name = `search ${/^[0-9.]+$/.test(params.search) ? 'numeric' : 'text'}`;
			break;
		case 'meta':
			params.meta = r.pick(['total_count', 'filter_count', '*']);
			// a plain filter: the meta counts are the feature, not the filter
			if (r.chance(0.7)) params.filter = r.pick([{ status: { _eq: 'published' } }, { views: { _gt: 50 } }]);
			if (r.chance(0.3)) params.search = 'spring';
			params.fields = 'id';
			name = `meta ${params.meta}`;
			break;
		case 'aggregate': {
			const fn = r.pick(AGG_FUNCTIONS);
			params[`aggregate[${fn}]`] = fn === 'countAll' ? '*' : r.pick(AGG_FIELDS);
			const group = collection === 'articles' ? r.pick(GROUPS) : null;
			if (group) params.groupBy = group;
			name = `aggregate ${fn}(${params[`aggregate[${fn}]`]})${group ? ' groupBy' : ''}`;
			break;
		}
		case 'deep':
			params.fields = 'id,comments.id,comments.body';
			params.deep = r.pick(DEEPS);
			name = `deep ${Object.keys(params.deep.comments).join('+')}`;
			break;
		case 'alias': {
			const [alias, fields] = r.pick(ALIASES);
			params.alias = alias;
			params.fields = fields;
			name = `alias ${fields}`;
			break;
		}
		case 'export':
			params.export = r.pick(['csv', 'csv_utf8', 'json', 'xml', 'yaml']);
			params.fields = r.pick(['id,title,status,views', 'id,body,published_at', 'id,comments', 'id,author', 'id,author.email',
				'title,comments.body']);
			params.sort = 'id';
			params.limit = r.pick([0, 3, -1]);
			name = `export ${params.export}`;
			break;
		default:
			throw new Error(feature);
	}
	return { collection, feature: name, params };
}

const FEATURES = ['fields', 'filter', 'filter', 'filter', 'some/none', 'sort', 'pagination', 'search', 'meta', 'aggregate',
	'aggregate', 'deep', 'alias', 'export'];

export function queries(count, seed) {
	const r = random(seed);
	const list = [];
	for (let i = 0; i < count; i++) {
		const feature = r.pick(FEATURES);
		const collection = ['articles', 'filter', 'fields'].includes(feature) && r.chance(0.2) ? 'comments' : 'articles';
		list.push(build(r, collection, feature));
	}
	return list;
}

/** The request path of a query; objects are sent as JSON text, as the SDK sends them. */
export function path({ collection, params }) {
	const parts = Object.entries(params).map(([k, v]) =>
		`${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))}`);
	return `/items/${collection}${parts.length ? '?' : ''}${parts.join('&')}`;
}

/** Whether the answer's row order is defined by the query (else rows are compared as a set). */
export function ordered({ params }) {
	return params.sort !== undefined && !Object.keys(params).some((k) => k.startsWith('aggregate'));
}
