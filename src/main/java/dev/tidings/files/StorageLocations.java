package dev.tidings.files;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.TidingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storages by location name ({@code local}…), the first being where uploads go unless
 * they name another, as Directus's {@code STORAGE_LOCATIONS}.
 */
public final class StorageLocations {

	private static final Logger logger = LoggerFactory.getLogger(StorageLocations.class);

	private final Map<String, Storage> storages;

	private final String primary;

	public StorageLocations(Map<String, Storage> storages) {
		if (storages.isEmpty()) {
			throw new IllegalArgumentException("At least one storage location is needed");
		}
		this.storages = new LinkedHashMap<>(storages);
		this.primary = this.storages.keySet().iterator().next();
	}

	/** The location uploads go to when they name none. */
	public String primary() {
		return this.primary;
	}

	public List<String> names() {
		return List.copyOf(this.storages.keySet());
	}

	/** The storage of the location; an unknown name is the client's mistake. */
	public Storage get(String location) {
		Storage storage = this.storages.get(location);
		if (storage == null) {
			throw TidingsException.invalidPayload("Storage location \"" + location + "\" doesn't exist");
		}
		return storage;
	}

	/**
	 * Removes bytes that no row points at any more; a failure is logged, not thrown: the
	 * row is gone either way, and an orphaned file is only wasted space.
	 */
	void delete(String location, String key) {
		Storage storage = this.storages.get(location);
		if (storage == null) {
			return;
		}
		try {
			storage.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not remove {} from storage location {}", key, location, ex);
		}
	}

}
