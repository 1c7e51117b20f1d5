package dev.tidings.files;

import java.time.Instant;
import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A file, the {@code directus_files} collection: where its bytes are ({@code storage},
 * {@code filename_disk}), what they are (type from the bytes, size, image dimensions) and
 * what people say about them. Public so a host's entities can point at files
 * ({@code @ManyToOne TidingsFile image}). Who uploaded or changed it and when are kept by
 * {@link FileRowListener}, whatever path writes the row.
 */
@Entity
@Table(name = "tidings_files")
@ContentCollection("directus_files")
@EntityListeners(FileRowListener.class)
public class TidingsFile {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "storage", length = 255, nullable = false)
	private String storage;

	@Column(name = "filename_disk", length = 255)
	private @Nullable String filenameDisk;

	@Column(name = "filename_download", length = 255, nullable = false)
	private String filenameDownload;

	@Column(name = "title", length = 255)
	private @Nullable String title;

	@Column(name = "type", length = 255)
	private @Nullable String type;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "folder")
	private @Nullable TidingsFolder folder;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "uploaded_by")
	private @Nullable TidingsUser uploadedBy;

	// initialised so a new row reads as having them; the listener sets them when it is
	// stored
	@Column(name = "created_on", nullable = false)
	private Instant createdOn = Instant.now();

	@Column(name = "uploaded_on")
	private @Nullable Instant uploadedOn;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "modified_by")
	private @Nullable TidingsUser modifiedBy;

	@Column(name = "modified_on", nullable = false)
	private Instant modifiedOn = Instant.now();

	@Column(name = "charset", length = 50)
	private @Nullable String charset;

	@Column(name = "filesize")
	private @Nullable Long filesize;

	@Column(name = "width")
	private @Nullable Integer width;

	@Column(name = "height")
	private @Nullable Integer height;

	@Column(name = "duration")
	private @Nullable Integer duration;

	@Column(name = "description", columnDefinition = "text")
	private @Nullable String description;

	@Column(name = "location", columnDefinition = "text")
	private @Nullable String location;

	@Column(name = "focal_point_x")
	private @Nullable Integer focalPointX;

	@Column(name = "focal_point_y")
	private @Nullable Integer focalPointY;

	protected TidingsFile() {
	}

	public UUID getId() {
		return this.id;
	}

	public String getStorage() {
		return this.storage;
	}

	public @Nullable String getFilenameDisk() {
		return this.filenameDisk;
	}

	public String getFilenameDownload() {
		return this.filenameDownload;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public @Nullable String getType() {
		return this.type;
	}

	public @Nullable Long getFilesize() {
		return this.filesize;
	}

	public @Nullable Integer getWidth() {
		return this.width;
	}

	public @Nullable Integer getHeight() {
		return this.height;
	}

	public Instant getModifiedOn() {
		return this.modifiedOn;
	}

	void created(Instant now, @Nullable TidingsUser by) {
		this.createdOn = now;
		if (this.uploadedBy == null) {
			this.uploadedBy = by;
		}
		this.modifiedOn = now;
	}

	void modified(Instant now, @Nullable TidingsUser by) {
		this.modifiedOn = now;
		if (by != null) {
			this.modifiedBy = by;
		}
	}

}
