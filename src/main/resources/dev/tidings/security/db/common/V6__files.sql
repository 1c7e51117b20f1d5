-- Files and folders (Directus 11's directus_files and directus_folders), in tables of their own.
create table tidings_folders (
	id uuid primary key,
	name varchar(255) not null,
	parent uuid references tidings_folders (id) on delete set null
);

create table tidings_files (
	id uuid primary key,
	storage varchar(255) not null,
	filename_disk varchar(255),
	filename_download varchar(255) not null,
	title varchar(255),
	type varchar(255),
	folder uuid references tidings_folders (id) on delete set null,
	uploaded_by uuid references tidings_users (id) on delete set null,
	created_on timestamp(6) with time zone default current_timestamp not null,
	uploaded_on timestamp(6) with time zone,
	modified_by uuid references tidings_users (id) on delete set null,
	modified_on timestamp(6) with time zone default current_timestamp not null,
	charset varchar(50),
	filesize bigint,
	width integer,
	height integer,
	duration integer,
	description text,
	location text,
	focal_point_x integer,
	focal_point_y integer
);

create index tidings_files_folder on tidings_files (folder);
