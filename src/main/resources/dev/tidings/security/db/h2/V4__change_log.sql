-- The change log: every committed change to a collection, under the sequence it got while its
-- transaction committed. The head row hands the sequences out; its lock is held until the commit,
-- so sequences follow commit order. The epoch names this log: a cursor of another one (a database
-- restored or started afresh) is not honoured.
create table tidings_change_head (
	id integer primary key,
	epoch varchar(36) not null,
	last_sequence bigint not null
);
insert into tidings_change_head (id, epoch, last_sequence) values (1, cast(random_uuid() as varchar(36)), 0);

-- One row per transaction and collection: its item changes hold first_sequence..last_sequence.
create table tidings_changes (
	first_sequence bigint primary key,
	last_sequence bigint not null,
	collection varchar(255) not null,
	committed_at timestamp(6) with time zone not null,
	payload character large object not null
);
create index tidings_changes_last on tidings_changes (last_sequence);
create index tidings_changes_collection on tidings_changes (collection, last_sequence);
create index tidings_changes_committed on tidings_changes (committed_at);
