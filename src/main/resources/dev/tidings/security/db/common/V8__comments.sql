-- Comments on items (Directus 11's directus_comments). The item is any collection's key,
-- kept as text, so it has no foreign key.
create table tidings_comments (
	id uuid primary key,
	collection varchar(64) not null,
	item varchar(255) not null,
	comment text not null,
	date_created timestamp(6) with time zone default current_timestamp,
	date_updated timestamp(6) with time zone,
	user_created uuid references tidings_users (id) on delete set null,
	user_updated uuid references tidings_users (id) on delete set null
);

create index tidings_comments_item on tidings_comments (collection, item);
