package dev.tidings.bench;

import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * A server under test: where it answers, which push rules it follows, its process (for
 * heap and CPU figures, when the tool knows it) and a token per role.
 */
final class Target {

	final String name;

	final URI base;

	final Semantics semantics;

	final long pid;

	final Rest rest;

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	private final String adminPassword;

	Target(String name, URI base, Semantics semantics, long pid, String adminPassword) {
		this.name = name;
		this.base = base;
		this.semantics = semantics;
		this.pid = pid;
		this.adminPassword = adminPassword;
		this.rest = new Rest(base);
	}

	URI websocket() {
		return URI.create("ws://" + this.base.getHost() + ":" + this.base.getPort() + "/websocket");
	}

	/** Logs every role in once; all of a role's sockets share its token. */
	Target login() throws IOException, InterruptedException {
		for (Role role : Role.values()) {
			this.tokens.put(role, this.rest.login(role.email(), role.password(this.adminPassword)));
		}
		this.rest.actAs(this.tokens.get(Role.ADMIN));
		return this;
	}

	String token(Role role) {
		return this.tokens.get(role);
	}

	/** The process's user and system CPU time so far in microseconds, or -1. */
	long cpuMicros() {
		return Machine.cpuMicros(this.pid);
	}

}
