// Starts the standalone Tidings jar on a free port in a fresh temporary working directory (so a
// fresh embedded H2 under ./data), waits for /server/ping and stops it again. With
// TIDINGS_E2E_DB=pg each server gets a fresh PostgreSQL database on 127.0.0.1:5432 instead
// (user postgres, trust auth, created and dropped with psql), so the suite also runs on PostgreSQL.
// startLibraryServer() serves the test-only lending library domain the same way, from the
// compiled test classes and the test classpath Maven writes to target/test-classpath.txt.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync, readdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '..', '..', '..', 'target');

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };
/** The administrator's static token (ADMIN_TOKEN), for /actuator/health's details. */
export const ADMIN_TOKEN = 'e2e-admin-static-token';
export const EDITOR = { email: 'editor@example.com', password: 'editor-password-123' };
export const READER = { email: 'reader@example.com', password: 'reader-password-123' };

export function findJar() {
	if (process.env.TIDINGS_JAR) return process.env.TIDINGS_JAR;
	const jar = existsSync(target) && readdirSync(target).find((f) => /^tidings-.*-exec\.jar$/.test(f));
	if (!jar) throw new Error(`no exec jar in ${target}: run ./mvnw package -DskipTests first`);
	return join(target, jar);
}

export function freePort() {
	return new Promise((res, rej) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', rej);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => res(port));
		});
	});
}

// The app must use the database chosen here: drop any DB_* variables the caller's shell may carry.
function withoutDatabaseVariables(env) {
	return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('DB_')));
}

export const onPostgres = process.env.TIDINGS_E2E_DB === 'pg';

function psql(sql) {
	execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql],
		{ stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * A fresh, empty PostgreSQL database: { name, env (the DB_* variables selecting it), drop() }.
 * Servers given the same one (startServer's `database` option) share it, as instances of a cluster do.
 */
export function createDatabase() {
	const name = `tidings_e2e_${randomBytes(6).toString('hex')}`;
	psql(`CREATE DATABASE ${name}`);
	return {
		name,
		env: { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1', DB_PORT: '5432', DB_DATABASE: name, DB_USER: 'postgres' },
		drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
	};
}

/**
 * Starts a server. `env` adds or overrides variables (for example WEBSOCKETS_REST_AUTH=public).
 * Returns { url, port, dir, stop(), restart(), log() }. restart() stops the process and starts it
 * again on the same port and working directory (same H2 data, same SECRET, so tokens stay valid):
 * a real server-side drop of every open socket.
 */
export async function startServer(env = {}, { timeoutMs = 90_000, database } = {}) {
	const jar = findJar();
	// a database of its own under TIDINGS_E2E_DB=pg, dropped on stop(); a given one is the caller's
	const ownDatabase = !database && onPostgres ? createDatabase() : null;
	const db = database ?? ownDatabase;
	const dir = mkdtempSync(join(tmpdir(), 'tidings-e2e-'));
	const port = await freePort();
	const logFile = join(dir, 'server.log');
	const url = `http://127.0.0.1:${port}`;
	const log = () => { try { return readFileSync(logFile, 'utf8'); } catch { return ''; } };
	let proc;

	// /server/ping answers once Tomcat is up, but the standalone app creates the demo Editor and
	// Reader in an ApplicationRunner after that (the Reader last): wait until the Reader exists,
	// asked as the admin (bootstrapped before the web server starts), so no test logs in too early.
	const demoAccountsReady = async () => {
		const login = await fetch(`${url}/auth/login`, {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN),
		});
		if (!login.ok) return false;
		const token = (await login.json()).data.access_token;
		const filter = encodeURIComponent(JSON.stringify({ email: { _eq: READER.email } }));
		const r = await fetch(`${url}/users?fields=id&filter=${filter}`, { headers: { Authorization: `Bearer ${token}` } });
		return r.ok && (await r.json()).data.length === 1;
	};

	const launch = async () => {
		const out = openSync(logFile, 'a');
		const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-jar', jar], {
			cwd: dir,
			stdio: ['ignore', out, out],
			env: {
				...withoutDatabaseVariables(process.env),
				PORT: String(port),
				ADMIN_EMAIL: ADMIN.email,
				ADMIN_PASSWORD: ADMIN.password,
				ADMIN_TOKEN,
				SECRET: 'e2e-secret-0123456789-0123456789-0123456789',
				WEBSOCKETS_ENABLED: 'true',
				// the demo content model's rows and the Editor and Reader the tests log in as
				DEMO_CONTENT: 'true',
				...(db ? db.env : {}),
				...env,
			},
		});
		const p = { child, exited: null };
		p.exitPromise = new Promise((res) => child.on('exit', (code, signal) => { p.exited = { code, signal }; res(); }));
		proc = p;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (p.exited) throw new Error(`server exited early (${JSON.stringify(p.exited)}):\n${log().slice(-4000)}`);
			try {
				const r = await fetch(`${url}/server/ping`);
				if (r.ok && (await r.text()).includes('pong') && (await demoAccountsReady())) return;
			} catch { /* not up yet */ }
			if (Date.now() > deadline) throw new Error(`server did not answer /server/ping within ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 200));
		}
	};
	const kill = async () => {
		if (proc && !proc.exited) {
			proc.child.kill('SIGTERM');
			const t = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
			await proc.exitPromise;
			clearTimeout(t);
		}
	};
	const stop = async () => {
		await kill();
		rmSync(dir, { recursive: true, force: true });
		ownDatabase?.drop();
	};
	try {
		await launch();
	} catch (e) {
		await stop();
		throw e;
	}
	return {
		url, port, dir, stop, log,
		get pid() { return proc.child.pid; },
		async restart() { await kill(); await launch(); },
		/** kill -9, as a crash: no shutdown hook runs. */
		async crash() {
			if (proc && !proc.exited) {
				proc.child.kill('SIGKILL');
				await proc.exitPromise;
			}
		},
		/** Starts the process again after crash(), on the same port, data and database. */
		async relaunch() { await launch(); },
	};
}

/**
 * The java command line that serves the lending library (dev.tidings.library.LibraryTestApplication)
 * from target/test-classes. `./mvnw verify` (any phase from test-compile on) compiles it and writes
 * its dependencies to target/test-classpath.txt.
 */
export function libraryCommand() {
	const listFile = join(target, 'test-classpath.txt');
	const testClasses = join(target, 'test-classes', 'dev', 'tidings', 'library', 'LibraryTestApplication.class');
	if (!existsSync(listFile) || !existsSync(testClasses)) {
		throw new Error(`no compiled library domain in ${target}: run ./mvnw verify (or ./mvnw test-compile) first`);
	}
	const dependencies = readFileSync(listFile, 'utf8').trim();
	const classpath = [join(target, 'test-classes'), join(target, 'classes'), dependencies].join(delimiter);
	return ['-XX:TieredStopAtLevel=1', '-cp', classpath, 'dev.tidings.library.LibraryTestApplication'];
}

/**
 * Starts the lending library host application on a free port with a fresh database (an H2 in
 * memory, or a fresh PostgreSQL database under TIDINGS_E2E_DB=pg) and the realtime endpoint on.
 * Its only account is the administrator of src/test/resources/application.properties (ADMIN
 * here); it has no demo content. `args` adds Spring Boot arguments (--name=value).
 * Returns { url, port, stop(), log() }.
 */
export async function startLibraryServer(args = [], { timeoutMs = 90_000 } = {}) {
	const command = libraryCommand();
	const db = onPostgres ? createDatabase() : null;
	const dir = mkdtempSync(join(tmpdir(), 'tidings-e2e-library-'));
	const port = await freePort();
	const logFile = join(dir, 'server.log');
	const url = `http://127.0.0.1:${port}`;
	const log = () => { try { return readFileSync(logFile, 'utf8'); } catch { return ''; } };
	const database = db
		? [`--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${db.name}`, '--spring.datasource.username=postgres']
		: [`--spring.datasource.url=jdbc:h2:mem:library_${randomBytes(6).toString('hex')};DB_CLOSE_DELAY=-1`];
	const out = openSync(logFile, 'a');
	const child = spawn('java', [...command, `--server.port=${port}`, ...database,
		'--tidings.websockets.enabled=true', ...args], {
		cwd: dir,
		stdio: ['ignore', out, out],
		env: withoutDatabaseVariables(process.env),
	});
	let exited = null;
	const exitPromise = new Promise((res) => child.on('exit', (code, signal) => { exited = { code, signal }; res(); }));
	const stop = async () => {
		if (!exited) {
			child.kill('SIGTERM');
			const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exitPromise;
			clearTimeout(t);
		}
		rmSync(dir, { recursive: true, force: true });
		db?.drop();
	};
	// the administrator exists before the web server answers; a login proves the app is ready
	const adminReady = async () => {
		const r = await fetch(`${url}/auth/login`, {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN),
		});
		return r.ok;
	};
	try {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (exited) throw new Error(`library server exited early (${JSON.stringify(exited)}):\n${log().slice(-4000)}`);
			try {
				const r = await fetch(`${url}/server/ping`);
				if (r.ok && (await r.text()).includes('pong') && (await adminReady())) break;
			} catch { /* not up yet */ }
			if (Date.now() > deadline) throw new Error(`library server did not answer within ${timeoutMs} ms:\n${log().slice(-4000)}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	} catch (e) {
		await stop();
		throw e;
	}
	return { url, port, stop, log };
}
