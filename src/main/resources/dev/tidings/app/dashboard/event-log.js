// The newest-first list of what happened: connection changes, subscription messages, errors.

const KEEP = 200; // entries shown; older ones are dropped so a busy collection cannot grow the page forever

export class EventLog {
	constructor(list) {
		this.list = list;
	}

	/** kind: a short word shown as a badge (open, init, create, error…); text: the details. */
	add(kind, text = '') {
		const entry = document.createElement('li');
		entry.dataset.kind = kind;
		const time = document.createElement('time');
		time.textContent = new Date().toLocaleTimeString();
		const badge = document.createElement('b');
		badge.textContent = kind;
		entry.append(time, badge, document.createTextNode(` ${text}`));
		this.list.prepend(entry);
		while (this.list.children.length > KEEP) this.list.lastElementChild.remove();
	}

	clear() {
		this.list.replaceChildren();
	}
}
