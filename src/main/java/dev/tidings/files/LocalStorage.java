package dev.tidings.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Keeps files in a folder of the local file system, one file per key. A key that would
 * resolve outside the folder ({@code ../}, an absolute path) is refused, so a row's
 * {@code filename_disk} can never reach other files. Bytes are written to a temporary
 * file first and moved into place, so a failed or refused upload never leaves a partial
 * file under its key.
 */
public final class LocalStorage implements Storage {

	private final Path root;

	public LocalStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public long write(String key, InputStream content) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
		try {
			long written = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public Resource read(String key) throws IOException {
		Path path = resolve(key);
		if (!Files.isRegularFile(path)) {
			throw new FileNotFoundException(key);
		}
		return new FileSystemResource(path);
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (key.isBlank() || !path.startsWith(this.root) || path.equals(this.root)) {
			throw new IllegalArgumentException("The storage key \"" + key + "\" leaves the storage folder");
		}
		return path;
	}

}
