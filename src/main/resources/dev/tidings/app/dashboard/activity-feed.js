// The live activity feed: who created, changed, deleted or logged in, newest first. It is fed by a
// subscription to directus_activity, so it shows exactly the activity the user may read (by
// default their own) and follows each new entry the moment its transaction commits.

const KEEP = 50; // the same bound the subscription's init asks for

export const ACTIVITY_QUERY = {
	fields: ['id', 'action', 'collection', 'item', 'timestamp', 'user'],
	sort: ['-id'],
	limit: KEEP,
};

export class ActivityFeed {
	/** list: the <ol> to fill; me: the logged-in user's id, shown as "you". */
	constructor(list) {
		this.list = list;
		this.me = null;
	}

	replace(entries, me) {
		this.me = me;
		this.list.replaceChildren(...entries.map((entry) => this.render(entry)));
	}

	/** New entries go on top, newest first; an entry already shown is not repeated. */
	add(entries) {
		for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
			if (this.list.querySelector(`li[data-id="${CSS.escape(String(entry.id))}"]`)) continue;
			this.list.prepend(this.render(entry));
		}
		while (this.list.children.length > KEEP) this.list.lastElementChild.remove();
	}

	clear() {
		this.me = null;
		this.list.replaceChildren();
	}

	render(entry) {
		const item = document.createElement('li');
		item.dataset.id = entry.id;
		item.dataset.action = entry.action;
		item.dataset.collection = entry.collection;
		item.dataset.item = entry.item;
		const time = document.createElement('time');
		time.dateTime = entry.timestamp;
		time.textContent = new Date(entry.timestamp).toLocaleTimeString();
		const badge = document.createElement('b');
		badge.textContent = entry.action;
		const who = entry.user == null ? 'system' : entry.user === this.me ? 'you' : `user ${String(entry.user).slice(0, 8)}`;
		item.append(time, badge, document.createTextNode(` ${entry.collection} #${entry.item} by ${who}`));
		return item;
	}
}
