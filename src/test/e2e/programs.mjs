// Example programs as their readers run them: a child process whose printed lines a test reads.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Starts one of the example programs in `dir` with the given variables (and none of the caller's
 * TIDINGS_*), and reads what it prints line by line.
 */
export function runProgram(dir, program, env) {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TIDINGS_')));
	const child = spawn(process.execPath, [program], {
		cwd: dir,
		env: { ...inherited, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => { stderr += chunk; });
	// 'close' comes after the output is read to its end, so no line is missed
	const exited = new Promise((res) => child.on('close', (code, signal) => res({ code, signal })));
	const lines = [];
	const waiting = [];
	createInterface({ input: child.stdout }).on('line', (line) => {
		lines.push(line);
		waiting.splice(0).forEach((wake) => wake());
	});
	let taken = 0;
	return {
		child,
		exited,
		lines,
		/** The next printed line, split into its event and its parsed JSON. */
		async next(ms = 10_000) {
			let timer;
			const timeout = new Promise((_, rej) => {
				timer = setTimeout(() => rej(new Error(`no line from the example within ${ms} ms; printed ${JSON.stringify(lines)}, stderr ${stderr}`)), ms);
			});
			try {
				while (taken === lines.length) {
					const woken = await Promise.race([new Promise((res) => waiting.push(() => res('line'))), exited, timeout]);
					if (woken !== 'line' && taken === lines.length) {
						throw new Error(`the example exited (${JSON.stringify(woken)}); printed ${JSON.stringify(lines)}, stderr ${stderr}`);
					}
				}
			} finally {
				clearTimeout(timer);
			}
			const line = lines[taken++];
			const space = line.indexOf(' ');
			return { event: line.slice(0, space), payload: JSON.parse(line.slice(space + 1)) };
		},
		/** The next line's payload, after checking it is of the event. */
		async expect(event) {
			const line = await this.next();
			assert.equal(line.event, event, `expected a ${event} line, got ${JSON.stringify(line)}`);
			return line.payload;
		},
	};
}
