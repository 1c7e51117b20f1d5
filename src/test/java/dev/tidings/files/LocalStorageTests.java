package dev.tidings.files;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The local storage keeps bytes under its folder and never reaches outside it. */
class LocalStorageTests {

	@TempDir
	Path root;

	@Test
	void writeThenReadGivesTheBytesAndTheirLength() throws IOException {
		LocalStorage storage = new LocalStorage(this.root);

		assertThat(storage.write("a.txt", new ByteArrayInputStream("hello".getBytes()))).isEqualTo(5);

		assertThat(storage.read("a.txt").contentLength()).isEqualTo(5);
		assertThat(storage.read("a.txt").getContentAsByteArray()).isEqualTo("hello".getBytes());
		storage.delete("a.txt");
		assertThatExceptionOfType(FileNotFoundException.class).isThrownBy(() -> storage.read("a.txt"));
	}

	@Test
	void keysThatLeaveTheFolderAreRefused() {
		LocalStorage storage = new LocalStorage(this.root.resolve("inner"));

		for (String key : new String[] { "../outside.txt", "/etc/passwd", "a/../../b", "" }) {
			assertThatExceptionOfType(IllegalArgumentException.class).as(key)
				.isThrownBy(() -> storage.write(key, new ByteArrayInputStream(new byte[1])));
		}
		assertThat(this.root.resolve("outside.txt")).doesNotExist();
	}

}
