/**
 * Files and folders ({@code directus_files}, {@code directus_folders}): their entities,
 * where their bytes are kept ({@link dev.tidings.files.Storage}), and how bytes come in
 * (uploads, imports from a URL) and go out (assets). Rows are written through
 * {@code items}, so the caller's permissions always apply; no HTTP here.
 */
@NullMarked
package dev.tidings.files;

import org.jspecify.annotations.NullMarked;
