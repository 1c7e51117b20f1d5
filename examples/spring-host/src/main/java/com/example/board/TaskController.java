package com.example.board;

import java.util.Map;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board's own API. It writes through JPA like any Spring code, and Tidings pushes
 * every committed change to the subscribers who may see it.
 */
@RestController
class TaskController {

	private final TaskRepository tasks;

	TaskController(TaskRepository tasks) {
		this.tasks = tasks;
	}

	@PostMapping("/api/tasks")
	Task add(@RequestBody Map<String, String> body) {
		return this.tasks.save(new Task(body.get("title")));
	}

	@PostMapping("/api/tasks/{id}/done")
	@Transactional
	Task finish(@PathVariable long id) {
		Task task = this.tasks.findById(id).orElseThrow();
		task.finish();
		return task;
	}

}
