package dev.tidings.bench;

/**
 * Which push a subscription must receive for a write, by the server's documented rules.
 * Both push creates and updates only to subscriptions that see the item afterwards. They
 * differ on items that leave a subscription and on deletes: Tidings pushes a
 * {@code delete} to those who saw the item before; Directus 11 pushes nothing when an item
 * leaves, and every delete to every subscriber of the collection.
 */
enum Semantics {

	TIDINGS, DIRECTUS;

	/** The event the kind must receive, or null when it must receive nothing. */
	Event expected(Kind kind, Event write, Item before, Item after) {
		return switch (write) {
			case CREATE -> kind.sees(after) ? Event.CREATE : null;
			case UPDATE -> {
				if (kind.sees(after)) {
					yield Event.UPDATE;
				}
				yield (this == TIDINGS && kind.sees(before)) ? Event.DELETE : null;
			}
			case DELETE -> (this == DIRECTUS || kind.sees(before)) ? Event.DELETE : null;
		};
	}

	/** A write and a subscription event are named alike on the wire. */
	enum Event {

		CREATE, UPDATE, DELETE;

		static Event of(String token) {
			return switch (token) {
				case "create" -> CREATE;
				case "update" -> UPDATE;
				case "delete" -> DELETE;
				default -> null;
			};
		}

	}

}
