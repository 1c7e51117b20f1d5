-- An article's image, a file of directus_files: no foreign key, Tidings' tables being Tidings' own.
ALTER TABLE articles ADD COLUMN image UUID;
