// A table of one collection's items, kept in step with realtime subscription messages: `init`
// replaces every row, `create` and `update` insert or replace rows by key, `delete` removes them.
// Updates insert too: an item that starts matching a subscription arrives as an update.

export class LiveTable {
	/** table: a <table> with a <thead> and a <tbody>; count: where the number of rows is shown. */
	constructor(table, count, key = 'id') {
		this.head = table.tHead;
		this.body = table.tBodies[0];
		this.count = count;
		this.key = key;
		this.clear();
	}

	clear() {
		this.items = new Map(); // String(key) -> item, in display order
		this.columns = [];
		this.render();
	}

	replace(items) {
		this.items = new Map(items.map((item) => [String(item[this.key]), item]));
		this.columns = [];
		this.render();
	}

	upsert(items) {
		const changed = items.map((item) => {
			const id = String(item[this.key]);
			this.items.set(id, item);
			return id;
		});
		if (this.addColumns(items)) {
			this.render();
		} else {
			for (const id of changed) this.renderRow(id);
			this.showCount();
		}
		for (const id of changed) this.rowOf(id)?.classList.add('changed');
	}

	remove(keys) {
		for (const key of keys) {
			const id = String(typeof key === 'object' && key !== null ? key[this.key] : key);
			this.items.delete(id);
			this.rowOf(id)?.remove();
		}
		this.showCount();
	}

	/** Adds the columns of these items not seen yet; true if there were any. */
	addColumns(items) {
		const before = this.columns.length;
		for (const item of items) {
			for (const column of Object.keys(item)) {
				if (!this.columns.includes(column)) this.columns.push(column);
			}
		}
		return this.columns.length > before;
	}

	render() {
		this.addColumns([...this.items.values()]);
		const header = document.createElement('tr');
		for (const column of this.columns) header.append(cell('th', column));
		this.head.replaceChildren(header);
		this.body.replaceChildren();
		for (const id of this.items.keys()) this.renderRow(id);
		this.showCount();
	}

	renderRow(id) {
		const item = this.items.get(id);
		const row = document.createElement('tr');
		row.dataset.id = id;
		for (const column of this.columns) row.append(cell('td', format(item[column])));
		row.addEventListener('animationend', () => row.classList.remove('changed'));
		const old = this.rowOf(id);
		if (old) old.replaceWith(row); else this.body.append(row);
	}

	rowOf(id) {
		return [...this.body.rows].find((row) => row.dataset.id === id);
	}

	showCount() {
		const n = this.items.size;
		this.count.textContent = `${n} item${n === 1 ? '' : 's'}`;
	}
}

// Text only: item values are never parsed as HTML.
function cell(tag, text) {
	const element = document.createElement(tag);
	element.textContent = text;
	return element;
}

function format(value) {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map(format).join(', ');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}
