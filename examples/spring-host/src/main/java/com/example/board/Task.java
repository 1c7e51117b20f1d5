package com.example.board;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A task on the board; Tidings serves it as the {@code tasks} collection. */
@Entity
@ContentCollection("tasks")
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private boolean done;

	protected Task() {
	}

	public Task(String title) {
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public boolean isDone() {
		return this.done;
	}

	public void finish() {
		this.done = true;
	}

}
