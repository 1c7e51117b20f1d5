package dev.tidings.events;

import java.util.HashMap;
import java.util.Map;

import dev.tidings.events.internal.ChangeRecorder;
import dev.tidings.events.internal.Snapshots;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.AbstractPostDatabaseOperationEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Records every insert, update and delete of a collection entity, whoever makes it (a
 * host repository, an entity manager, our items service), without the host declaring
 * entity listeners: {@link #register()} appends it to the Hibernate session factory
 * behind the host's {@link EntityManagerFactory}.
 * <p>
 * Hibernate fires these events at the flush, inside the transaction, with the state it
 * wrote and, for updates and deletes, the row as it was loaded (the committed row before
 * this transaction, or as of this transaction's previous flush, which the per-transaction
 * merge reconciles). They are only recorded here; the after-commit publication is the
 * {@link ChangeRecorder}'s. Hibernate's post-commit variants were not used: they fire per
 * action rather than per transaction, and a Spring transaction's commit is the one that
 * must decide.
 * <p>
 * Bulk JPQL or SQL statements bypass Hibernate's events and are not recorded.
 */
public final class EntityChangeListener
		implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		PostCollectionUpdateEventListener, PostCollectionRecreateEventListener, PostCollectionRemoveEventListener {

	private final EntityManagerFactory entityManagerFactory;

	private final SchemaRegistry schemas;

	private final ChangeRecorder recorder;

	private final Snapshots snapshots = new Snapshots();

	/**
	 * @param log where committed changes are recorded, so none is lost and each has its
	 * place; null to publish them from memory only
	 */
	public EntityChangeListener(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas, ChangeBus bus,
			@Nullable ChangeLog log) {
		this(entityManagerFactory, schemas, bus, log, ActorSource.SYSTEM, null);
	}

	/**
	 * @param log where committed changes are recorded; null to publish them from memory
	 * only
	 * @param actors who makes the changes of the current thread's transaction
	 * @param audit what else records each transaction's changes before it commits, or
	 * null
	 */
	public EntityChangeListener(EntityManagerFactory entityManagerFactory, SchemaRegistry schemas, ChangeBus bus,
			@Nullable ChangeLog log, ActorSource actors, @Nullable ChangeAudit audit) {
		this.entityManagerFactory = entityManagerFactory;
		this.schemas = schemas;
		this.recorder = new ChangeRecorder(entityManagerFactory, bus, log, actors, audit, this::oneToMany);
	}

	/**
	 * Appends this listener to the session factory's post-insert, -update and -delete
	 * events, of entities and of their collections.
	 */
	public void register() {
		EventListenerRegistry registry = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
		registry.appendListeners(EventType.POST_DELETE, this);
		registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
		registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
		registry.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		record(event, ChangeType.CREATE, null, event.getState());
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		record(event, ChangeType.UPDATE, event.getOldState(), event.getState());
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		record(event, ChangeType.DELETE, event.getDeletedState(), null);
	}

	@Override
	public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
		recordMembers(event);
	}

	@Override
	public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
		recordMembers(event);
	}

	@Override
	public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
		recordMembers(event);
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void record(AbstractPostDatabaseOperationEvent event, ChangeType type, @Nullable Object @Nullable [] before,
			@Nullable Object @Nullable [] after) {
		record(event.getSession(), event.getPersister(), event.getId(), type, before, after);
	}

	/**
	 * A change of a collection alone (the members of a many-to-many or of a one-way
	 * one-to-many, an element collection) writes no column of its owner, so Hibernate
	 * fires no entity event for it; it is still a change of the owner, recorded as an
	 * update. The transaction's change set merges it with the owner's own events: into
	 * the create of a new owner, and under the delete of a removed one, which is not
	 * recorded here.
	 */
	private void recordMembers(AbstractCollectionEvent event) {
		Object owner = event.getAffectedOwnerOrNull();
		if (owner == null) {
			return;
		}
		EntityEntry entry = event.getSession().getPersistenceContextInternal().getEntry(owner);
		if (entry == null || entry.getStatus() != Status.MANAGED) {
			return;
		}
		Object[] state = entry.getPersister().getValues(owner);
		record(event.getSession(), entry.getPersister(), entry.getId(), ChangeType.UPDATE, state, state);
	}

	private void record(SharedSessionContractImplementor session, EntityPersister persister, Object key,
			ChangeType type, @Nullable Object @Nullable [] before, @Nullable Object @Nullable [] after) {
		// a row of a subclass is a row of every collection up its tree, each with its own
		// fields, so a subscriber of the parent collection hears of it as a read would
		// list it
		for (CollectionSchema collection : this.schemas.collectionsOf(persister.getMappedClass())) {
			ItemChange change = new ItemChange(type, key, snapshot(collection, persister, key, before),
					snapshot(collection, persister, key, after));
			this.recorder.record(session, collection.name(), change);
		}
	}

	/**
	 * The collection's one-to-many aliases whose children hold the foreign key, each with
	 * the children's collection.
	 */
	private Map<String, String> oneToMany(String collection) {
		Map<String, String> aliases = new HashMap<>();
		this.schemas.find(collection).ifPresent((schema) -> schema.fields().values().forEach((field) -> {
			if (field.listsChildrenByForeignKey()) {
				aliases.put(field.name(), field.relation().relatedCollection());
			}
		}));
		return aliases;
	}

	private @Nullable Map<String, @Nullable Object> snapshot(CollectionSchema collection, EntityPersister persister,
			Object key, @Nullable Object @Nullable [] state) {
		return (state != null) ? this.snapshots.of(collection, persister, key, state) : null;
	}

}
