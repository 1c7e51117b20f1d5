package dev.tidings.bench;

/** The three accounts of the demo model, as both servers have them. */
enum Role {

	ADMIN("admin@example.com"), EDITOR("editor@example.com"), READER("reader@example.com");

	private final String email;

	Role(String email) {
		this.email = email;
	}

	String email() {
		return this.email;
	}

	/** The demo passwords; the administrator's is whatever the server was started with. */
	String password(String adminPassword) {
		return switch (this) {
			case ADMIN -> adminPassword;
			case EDITOR -> "editor-password-123";
			case READER -> "reader-password-123";
		};
	}

}
