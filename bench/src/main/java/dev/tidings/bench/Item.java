package dev.tidings.bench;

/**
 * What the tool knows of one article after a write: enough to decide, for every
 * subscription kind, whether it may see it.
 *
 * @param id the key as a string (null until the create answered)
 * @param title unique per write, so a push names the write it comes from
 * @param status draft, published or archived
 * @param views a number the filters compare
 */
record Item(String id, String title, String status, int views) {

	Item withId(String id) {
		return new Item(id, this.title, this.status, this.views);
	}

}
