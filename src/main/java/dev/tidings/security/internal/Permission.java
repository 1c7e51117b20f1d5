package dev.tidings.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tidings.schema.ContentCollection;
import dev.tidings.schema.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
 * One permission row ({@code directus_permissions}): what a policy allows for one
 * collection and action. {@code permissions} is the item rule, {@code validation} the
 * payload rule, both Directus filters stored as JSON; {@code fields} is stored as a
 * comma-separated list, as Directus does.
 */
@Entity
@Table(name = "tidings_permissions")
@ContentCollection("directus_permissions")
@EntityListeners(SecurityChangeListener.class)
public class Permission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "policy", nullable = false)
	private Policy policy;

	@Column(name = "collection", length = 64, nullable = false)
	private String collection;

	@Column(name = "action", length = 10, nullable = false)
	private String action;

	@Convert(converter = JsonColumn.class)
	@Column(name = "permissions", columnDefinition = "text")
	private @Nullable Map<String, Object> permissions;

	@Convert(converter = JsonColumn.class)
	@Column(name = "validation", columnDefinition = "text")
	private @Nullable Map<String, Object> validation;

	@Convert(converter = JsonColumn.class)
	@Column(name = "presets", columnDefinition = "text")
	private @Nullable Map<String, Object> presets;

	@Convert(converter = CsvColumn.class)
	@Column(name = "fields", columnDefinition = "text")
	private @Nullable List<String> fields;

	protected Permission() {
		this.policy = new Policy();
		this.collection = "";
		this.action = "";
	}

	public Permission(Policy policy, String collection, String action, @Nullable Map<String, Object> permissions,
			@Nullable List<String> fields) {
		this.policy = policy;
		this.collection = collection;
		this.action = action;
		this.permissions = permissions;
		this.fields = (fields != null) ? new ArrayList<>(fields) : null;
	}

	public Policy getPolicy() {
		return this.policy;
	}

	public String getCollection() {
		return this.collection;
	}

	public String getAction() {
		return this.action;
	}

	public @Nullable Map<String, Object> getPermissions() {
		return this.permissions;
	}

	public @Nullable Map<String, Object> getValidation() {
		return this.validation;
	}

	public @Nullable Map<String, Object> getPresets() {
		return this.presets;
	}

	public @Nullable List<String> getFields() {
		return this.fields;
	}

}
