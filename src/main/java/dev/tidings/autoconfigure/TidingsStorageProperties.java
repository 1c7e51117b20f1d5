package dev.tidings.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bytes of files are kept.
 *
 * @param locations the storage locations by name, the first being where uploads go unless
 * they name another, as Directus's {@code STORAGE_LOCATIONS}; {@code local} is a folder
 * ({@code local.root}), any other name a {@code dev.tidings.files.Storage} bean of that
 * name
 * @param local the {@code local} location
 */
@ConfigurationProperties("tidings.storage")
public record TidingsStorageProperties(@DefaultValue("local") List<String> locations, @DefaultValue Local local) {

	/**
	 * The {@code local} storage location.
	 *
	 * @param root the folder files are kept in, as Directus's {@code STORAGE_LOCAL_ROOT}
	 */
	public record Local(@DefaultValue("./uploads") Path root) {

	}

}
