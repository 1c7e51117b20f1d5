// The markdown report: one section per query feature family (fields, filter, sort…), one entry
// per class of difference (feature, kind, what differs), the most frequent first, each with the
// shortest query that shows it and both normalised answers.

const KIND_ORDER = ['status differs', 'error code differs', 'data differs', 'file differs', 'meta differs', 'status differs on purpose'];
const clip = (value) => {
	const text = JSON.stringify(value);
	return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

export function report(results, run) {
	const classes = new Map();
	for (const r of results.filter((x) => x.difference)) {
		const key = `${r.query.feature}\u0000${r.difference.kind}\u0000${r.difference.detail}`;
		const entry = classes.get(key) ?? { feature: r.query.feature, ...r.difference, hits: [], roles: new Set() };
		entry.hits.push(r);
		entry.roles.add(r.role);
		classes.set(key, entry);
	}
	const families = new Map();
	for (const entry of classes.values()) {
		const family = entry.feature.split(' ')[0];
		families.set(family, [...(families.get(family) ?? []), entry]);
	}
	const lines = [
		'# Tidings and Directus: differential read report', '',
		`Seed ${run.seed}, ${run.queries} queries, each as admin, editor and reader; Tidings ${run.tidings}, Directus ${run.directus}.`, '',
		`${results.length} comparisons: ${results.filter((r) => !r.difference).length} equal, `
			+ `${results.filter((r) => r.difference).length} different, in ${classes.size} classes.`, '',
	];
	for (const family of [...families.keys()].sort()) {
		const entries = families.get(family).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
			|| b.hits.length - a.hits.length || a.feature.localeCompare(b.feature));
		lines.push(`## ${family}`, '');
		for (const e of entries) {
			const shortest = e.hits.reduce((a, b) => (b.target.length < a.target.length ? b : a));
			lines.push(`### ${e.feature}: ${e.kind}${e.detail ? ` (${e.detail})` : ''}`, '',
				`${e.hits.length} comparisons; roles: ${[...e.roles].sort().join(', ')}.`, '',
				`Shortest: as ${shortest.role}, \`GET ${decodeURIComponent(shortest.target)}\``, '',
				`- Tidings: \`${clip(shortest.tidings)}\``, `- Directus: \`${clip(shortest.directus)}\``, '');
		}
	}
	return lines.join('\n');
}
