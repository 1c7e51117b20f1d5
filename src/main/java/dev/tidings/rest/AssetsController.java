package dev.tidings.rest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import dev.tidings.files.FileAssets;
import dev.tidings.security.Accountability;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /assets/{id}}: a file's bytes for whoever may read its row, inline or, with
 * {@code ?download}, as an attachment. Answered as a {@link Resource}, so Spring MVC
 * serves {@code Range} requests (206) and, from the strong ETag, answers
 * {@code If-None-Match} with 304. The ETag changes whenever the row or the bytes do.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/assets")
public class AssetsController {

	private final FileAssets assets;

	public AssetsController(FileAssets assets) {
		this.assets = assets;
	}

	@GetMapping("/{id}")
	public ResponseEntity<Resource> read(Accountability who, @PathVariable String id, HttpServletRequest request) {
		FileAssets.Asset asset = this.assets.open(who, id);
		ContentDisposition disposition = ((request.getParameter("download") != null) ? ContentDisposition.attachment()
				: ContentDisposition.inline())
			.filename(asset.filenameDownload(), StandardCharsets.UTF_8)
			.build();
		// revalidated on every use (cheap with the ETag), and never kept by shared caches
		// when it was read with credentials
		CacheControl cache = (who.user() != null) ? CacheControl.noCache().cachePrivate() : CacheControl.noCache();
		return ResponseEntity.ok()
			.eTag(etag(asset))
			.cacheControl(cache)
			.header("Content-Disposition", disposition.toString())
			.contentType(MediaType.parseMediaType(asset.type()))
			.body(asset.content());
	}

	private static String etag(FileAssets.Asset asset) {
		return HexFormat.of().formatHex((asset.id() + ":" + asset.version()).getBytes(StandardCharsets.UTF_8));
	}

}
