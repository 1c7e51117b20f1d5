package dev.tidings.library;

import java.util.List;
import java.util.Map;

import dev.tidings.rest.ApiClient;

/**
 * A small library written over REST by the admin, with every relation kind filled:
 * authors with books (many-to-one, one-to-many by {@code mappedBy}) and profiles (a
 * one-to-one), books in genres (many-to-many), members with reminders (one-way
 * one-to-many by join column) and branches with staff (one-way one-to-many by join
 * table). Each instance makes its own rows, with names unique to it.
 */
final class RelationsFixture {

	final String tag;

	final Object tolkien;

	final Object austen;

	final Object tolkienProfile;

	final Object austenProfile;

	final Object fantasy;

	final Object poetry;

	final Object classics;

	final Object hobbit;

	final Object lays;

	final Object emma;

	final Object member;

	final Object lateReminder;

	final Object holdReminder;

	final Object branch;

	final Object alice;

	final Object bob;

	RelationsFixture(ApiClient admin, String tag) {
		this.tag = tag;
		this.tolkien = create(admin, "authors", Map.of("name", tag + " Tolkien"));
		this.austen = create(admin, "authors", Map.of("name", tag + " Austen"));
		this.tolkienProfile = create(admin, "author_profiles",
				Map.of("author", this.tolkien, "website", tag + "-tolkien.example"));
		this.austenProfile = create(admin, "author_profiles",
				Map.of("author", this.austen, "website", tag + "-austen.example"));
		this.fantasy = create(admin, "genres", Map.of("name", tag + " Fantasy"));
		this.poetry = create(admin, "genres", Map.of("name", tag + " Poetry"));
		this.classics = create(admin, "genres", Map.of("name", tag + " Classics"));
		this.hobbit = create(admin, "books",
				Map.of("title", tag + " The Hobbit", "author", this.tolkien, "genres", List.of(this.fantasy)));
		this.lays = create(admin, "books", Map.of("title", tag + " Lays of Beleriand", "author", this.tolkien, "genres",
				List.of(this.fantasy, this.poetry)));
		this.emma = create(admin, "books",
				Map.of("title", tag + " Emma", "author", this.austen, "genres", List.of(this.classics)));
		this.lateReminder = create(admin, "reminders", Map.of("message", tag + " late"));
		this.holdReminder = create(admin, "reminders", Map.of("message", tag + " hold ready"));
		this.member = create(admin, "members",
				Map.of("name", tag + " Member", "reminders", List.of(this.lateReminder, this.holdReminder)));
		this.alice = create(admin, "staff", Map.of("name", tag + " Alice"));
		this.bob = create(admin, "staff", Map.of("name", tag + " Bob"));
		this.branch = create(admin, "branches", Map.of("name", tag + " Central", "staff", List.of(this.alice)));
	}

	static Object create(ApiClient api, String collection, Map<String, Object> item) {
		return api.post("/items/" + collection, ApiClient.json(item)).item().get("id");
	}

}
