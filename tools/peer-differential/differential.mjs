#!/usr/bin/env node
// Differential read test of Tidings against a real Directus: seeds both with the same rows,
// sends the same random read queries to both as the admin, the Editor and the Reader, and
// writes a markdown report of the differences, grouped by query feature, with the shortest
// reproducing query of each class. Run by hand (never by the build); see
// docs/directus-differences.md.
//
//   node tools/peer-differential/differential.mjs [--directus URL] [--tidings URL]
//        [--queries 400] [--seed 1] [--out target/peer-differential.md]
//
// Without --tidings it starts the standalone jar (./mvnw package first) on a fresh PostgreSQL
// database, as the e2e suite does with TIDINGS_E2E_DB=pg. The Directus peer is the optional
// one: any Directus 11.17 with the demo model (articles, comments, the Editor and Reader roles
// and accounts) at --directus.
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from './http.mjs';
import { seed } from './seed.mjs';
import { queries, path, ordered } from './queries.mjs';
import { normalise, difference } from './compare.mjs';
import { report } from './report.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
	options: {
		directus: { type: 'string', default: process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8056' },
		tidings: { type: 'string' },
		queries: { type: 'string', default: '400' },
		seed: { type: 'string', default: '1' },
		out: { type: 'string', default: resolve(repo, 'target', 'peer-differential.md') },
	},
});

const ACCOUNTS = {
	admin: { email: 'admin@example.com', password: 'admin-password-123' },
	editor: { email: 'editor@example.com', password: 'editor-password-123' },
	reader: { email: 'reader@example.com', password: 'reader-password-123' },
};

let started = null;
let tidingsUrl = args.tidings;
if (!tidingsUrl) {
	process.env.TIDINGS_E2E_DB = 'pg';
	const { startServer } = await import('../../src/test/e2e/server.mjs');
	started = await startServer();
	tidingsUrl = started.url;
}
try {
	const since = Date.now();
	const tidings = await connect(tidingsUrl, ACCOUNTS);
	const directus = await connect(args.directus, ACCOUNTS);
	const seeded = await seed(tidings, directus, since);
	const fill = (text, ids) => text.replace(/%7B%7Buser%3A(.*?)%7D%7D/g, (_, email) => ids[decodeURIComponent(email)]);

	const list = queries(Number(args.queries), Number(args.seed));
	const results = [];
	for (const query of list) {
		const target = path(query);
		for (const role of Object.keys(ACCOUNTS)) {
			const [t, d] = await Promise.all([
				tidings.send(role, 'GET', fill(target, seeded.ids.tidings)),
				directus.send(role, 'GET', fill(target, seeded.ids.directus)),
			]);
			const context = (labels) => ({
				labels, window: seeded.window, ordered: ordered(query),
				aggregate: Object.keys(query.params).some((k) => k.startsWith('aggregate')),
				export: query.params.export !== undefined,
			});
			const nt = normalise(t, context(seeded.labels.tidings));
			const nd = normalise(d, context(seeded.labels.directus));
			results.push({ query, target, role, tidings: nt, directus: nd, difference: difference(nt, nd) });
		}
	}
	const markdown = report(results, { seed: args.seed, queries: list.length, tidings: tidingsUrl, directus: args.directus });
	mkdirSync(dirname(args.out), { recursive: true });
	writeFileSync(args.out, markdown);
	writeFileSync(args.out.replace(/\.md$/, '') + '.json', JSON.stringify(results.filter((r) => r.difference), null, 1));
	const differing = results.filter((r) => r.difference).length;
	console.log(`${results.length} comparisons, ${differing} differ; report: ${args.out}`);
} finally {
	await started?.stop();
}
