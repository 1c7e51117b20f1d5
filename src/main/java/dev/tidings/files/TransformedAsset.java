package dev.tidings.files;

import org.springframework.core.io.Resource;

/**
 * A variant of an image, as cached on disk.
 *
 * @param type its media type
 * @param content its bytes, with their length
 * @param variant what tells it from the other variants of the same file version, for
 * ETags
 */
public record TransformedAsset(String type, Resource content, String variant) {
}
