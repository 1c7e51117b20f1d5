-- Deleting a file clears the articles that show it, as Directus's file relations do,
-- rather than leaving them pointing at nothing.
ALTER TABLE articles ADD CONSTRAINT articles_image FOREIGN KEY (image) REFERENCES tidings_files (id) ON DELETE SET NULL;
