package dev.tidings.files;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.Resource;

/**
 * Where the bytes of files are kept, under keys such as {@code {id}.png}. An
 * implementation stores and serves opaque bytes; what they are is the file row's
 * business. {@link LocalStorage} keeps them in a folder; another store (an object store,
 * say) is a bean of this type registered under a location name.
 */
public interface Storage {

	/**
	 * Stores the stream's bytes under the key, replacing any there, and returns how many
	 * were written. The stream is read to its end, not closed.
	 */
	long write(String key, InputStream content) throws IOException;

	/**
	 * The bytes under the key, as a resource that knows its length, so that HTTP range
	 * requests can be answered from it.
	 * @throws java.io.FileNotFoundException when nothing is stored under the key
	 */
	Resource read(String key) throws IOException;

	/** Removes the key's bytes; nothing stored under it is not an error. */
	void delete(String key) throws IOException;

}
