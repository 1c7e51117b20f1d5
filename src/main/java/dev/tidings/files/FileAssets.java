package dev.tidings.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.query.Query;
import dev.tidings.security.Accountability;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.core.io.Resource;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a file's bytes for a caller who may read its row: the row is looked up through
 * the items service, so read permissions and their filters decide; whichever of its
 * fields the caller may read, the storage details are then read by the server. A key that
 * is no UUID, a row the caller may not see, a missing row and missing bytes all answer
 * {@code FORBIDDEN}, so ids cannot be probed.
 */
public final class FileAssets {

	private static final Query ID_ONLY = new Query(List.of("id"), null, List.of(), null, null, null, null,
			java.util.Set.of(), java.util.Map.of(), List.of());

	private final ItemsService items;

	private final StorageLocations storages;

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	public FileAssets(ItemsService items, StorageLocations storages, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager) {
		this.items = items;
		this.storages = storages;
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	/** The file the caller may read, with its bytes. */
	public Asset open(Accountability who, String id) {
		UUID key;
		try {
			key = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw TidingsException.forbidden();
		}
		this.items.readOne(who, FileUploads.FILES, key.toString(), ID_ONLY);
		TidingsFile file = this.reads.execute((status) -> this.entityManager.find(TidingsFile.class, key));
		if (file == null || file.getFilenameDisk() == null) {
			throw TidingsException.forbidden();
		}
		try {
			Resource content = this.storages.get(file.getStorage()).read(file.getFilenameDisk());
			String type = (file.getType() != null) ? file.getType() : "application/octet-stream";
			String version = file.getModifiedOn().toEpochMilli() + "-" + content.contentLength();
			return new Asset(key.toString(), type, file.getFilenameDownload(), version, content);
		}
		catch (FileNotFoundException ex) {
			throw TidingsException.forbidden();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A readable file.
	 *
	 * @param id the file's key
	 * @param type its stored type
	 * @param filenameDownload the name to save it under
	 * @param version what changes whenever its bytes or row do: for ETags and caches
	 * @param content its bytes, with their length
	 */
	public record Asset(String id, String type, String filenameDownload, String version, Resource content) {
	}

}
