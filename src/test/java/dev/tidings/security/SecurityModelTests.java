package dev.tidings.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.query.Filter;
import dev.tidings.security.internal.Access;
import dev.tidings.security.internal.Permission;
import dev.tidings.security.internal.Policy;
import dev.tidings.security.internal.Role;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The security model against a real database: tables from Tidings' own migrations,
 * callers resolved as Directus 11 does, and the cache emptied by every change.
 */
@SpringBootTest(classes = TidingsApplication.class,
		properties = "spring.datasource.url=jdbc:h2:mem:security-model-tests;DB_CLOSE_DELAY=-1")
class SecurityModelTests {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Accountabilities accountabilities;

	@Autowired
	private PermissionGrants grants;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void migrationsRunWithTheirOwnHistoryTableNextToTheHosts() {
		assertThat(this.jdbc.queryForList("select \"version\" from \"tidings_schema_history\" where \"success\"",
				String.class))
			.contains("1");
		assertThat(this.jdbc.queryForObject("select count(*) from \"flyway_schema_history\"", Integer.class))
			.isPositive();
	}

	@Test
	void anonymousCallerHoldsThePublicPolicyOnly() {
		Accountability anonymous = this.accountabilities.anonymous();

		assertThat(anonymous.policies()).containsExactly(Policy.PUBLIC);
		assertThat(anonymous.admin()).isFalse();
		assertThat(anonymous.isAnonymous()).isTrue();
	}

	@Test
	void userWithRoleHoldsPoliciesOfRoleAncestorsAndUserButNotPublic() {
		Ids ids = this.transactions.execute((status) -> {
			Policy parentPolicy = persist(new Policy("parent", null, false, false));
			Policy childPolicy = persist(new Policy("child", null, false, true));
			Policy personal = persist(new Policy("personal", null, false, false));
			Role parent = persist(new Role("Parent", null));
			Role child = persist(new Role("Child", null));
			this.entityManager.createQuery("update Role r set r.parent = :parent where r.id = :child")
				.setParameter("parent", parent)
				.setParameter("child", child.getId())
				.executeUpdate();
			TidingsUser user = persist(new TidingsUser("tree@example.com", null, child));
			persist(new Access(parent, null, parentPolicy));
			persist(new Access(child, null, childPolicy));
			persist(new Access(null, user, personal));
			return new Ids(user.getId(), List.of(parent.getId(), child.getId()),
					List.of(parentPolicy.getId(), childPolicy.getId(), personal.getId()));
		});

		Accountability who = this.accountabilities.forUser(ids.user());

		assertThat(who.roles()).containsExactlyElementsOf(ids.roles());
		assertThat(who.role()).isEqualTo(ids.roles().get(1));
		assertThat(who.policies()).containsExactlyElementsOf(ids.policies()).doesNotContain(Policy.PUBLIC);
		assertThat(who.app()).isTrue();
		assertThat(who.admin()).isFalse();
	}

	@Test
	void userWithoutRoleHoldsThePublicPolicy() {
		UUID user = this.transactions
			.execute((status) -> persist(new TidingsUser("norole@example.com", null, null)).getId());

		assertThat(this.accountabilities.forUser(user).policies()).containsExactly(Policy.PUBLIC);
	}

	@Test
	void suspendedOrDeletedUserIsRefusedOnTheNextResolution() {
		UUID user = this.transactions
			.execute((status) -> persist(new TidingsUser("suspend@example.com", null, null)).getId());
		assertThat(this.accountabilities.forUser(user).user()).isEqualTo(user);

		this.transactions.executeWithoutResult(
				(status) -> this.entityManager.find(TidingsUser.class, user).setStatus(TidingsUser.SUSPENDED));

		assertThatExceptionOfType(TidingsException.class).isThrownBy(() -> this.accountabilities.forUser(user))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS));
		assertThatExceptionOfType(TidingsException.class)
			.isThrownBy(() -> this.accountabilities.forUser(UUID.randomUUID()));
	}

	@Test
	void permissionChangeAppliesToTheNextLookupWithoutRestart() {
		UUID policy = this.transactions
			.execute((status) -> persist(new Policy("changing", null, false, false)).getId());
		Accountability who = new Accountability(UUID.randomUUID(), null, List.of(), List.of(policy), false, false);
		assertThat(this.grants.grants(who, "articles", Action.READ)).isEmpty();

		this.transactions
			.executeWithoutResult((status) -> persist(new Permission(this.entityManager.find(Policy.class, policy),
					"articles", "read", Map.of("status", Map.of("_eq", "published")), List.of("id", "title"))));

		List<Grant> granted = this.grants.grants(who, "articles", Action.READ);
		assertThat(granted).singleElement().satisfies((grant) -> {
			assertThat(grant.fields()).containsExactlyInAnyOrder("id", "title");
			assertThat(grant.rule()).isInstanceOf(Filter.Condition.class);
			assertThat(grant.unrestricted()).isFalse();
		});
		assertThat(this.grants.grants(who, "articles", Action.UPDATE)).isEmpty();

		this.transactions.executeWithoutResult((status) -> this.entityManager
			.createQuery("select p from Permission p where p.policy.id = :policy", Permission.class)
			.setParameter("policy", policy)
			.getResultList()
			.forEach(this.entityManager::remove));

		assertThat(this.grants.grants(who, "articles", Action.READ)).isEmpty();
	}

	@Test
	void permissionWithoutRuleOrFieldsGrantsAllRowsAndNoFields() {
		UUID policy = this.transactions.execute((status) -> {
			Policy created = persist(new Policy("bare", null, false, false));
			persist(new Permission(created, "comments", "read", Map.of(), null));
			return created.getId();
		});
		Accountability who = new Accountability(UUID.randomUUID(), null, List.of(), List.of(policy), false, false);

		assertThat(this.grants.grants(who, "comments", Action.READ)).singleElement().satisfies((grant) -> {
			assertThat(grant.unrestricted()).isTrue();
			assertThat(grant.fields()).isEmpty();
		});
	}

	@Test
	void permissionWrittenAroundTheApiWithABrokenRuleGrantsNothingInsteadOfFailingEveryRequest() {
		UUID policy = this.transactions.execute((status) -> persist(new Policy("broken", null, false, false)).getId());
		this.jdbc.update("insert into tidings_permissions (policy, collection, action, permissions, fields) "
				+ "values (?, 'articles', 'read', '{\"status\":{\"_nope\":1}}', '*')", policy);
		this.transactions.executeWithoutResult((status) -> persist(
				new Permission(this.entityManager.find(Policy.class, policy), "articles", "create", Map.of(), null)));
		Accountability who = new Accountability(UUID.randomUUID(), null, List.of(), List.of(policy), false, false);

		assertThat(this.grants.grants(who, "articles", Action.READ)).isEmpty();
		assertThat(this.grants.grants(who, "articles", Action.CREATE)).hasSize(1);
	}

	private <T> T persist(T entity) {
		this.entityManager.persist(entity);
		this.entityManager.flush();
		return entity;
	}

	record Ids(UUID user, List<UUID> roles, List<UUID> policies) {
	}

}
