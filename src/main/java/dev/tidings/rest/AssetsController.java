package dev.tidings.rest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.files.AssetTransforms;
import dev.tidings.files.FileAssets;
import dev.tidings.files.ImageTransform;
import dev.tidings.files.TransformedAsset;
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
 * Transform parameters ({@code width}, {@code fit}, {@code key}…) on an image serve a
 * variant of it ({@link AssetTransforms}); other files are served as they are.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/assets")
public class AssetsController {

	private final FileAssets assets;

	private final AssetTransforms transforms;

	public AssetsController(FileAssets assets, AssetTransforms transforms) {
		this.assets = assets;
		this.transforms = transforms;
	}

	@GetMapping("/{id}")
	public ResponseEntity<Resource> read(Accountability who, @PathVariable String id, HttpServletRequest request) {
		// a malformed transform is refused before the file is looked at
		ImageTransform transform = this.transforms.parse(transformParameters(request));
		FileAssets.Asset asset = this.assets.open(who, id);
		String type = asset.type();
		Resource content = asset.content();
		String etag = asset.id() + ":" + asset.version();
		if (transform != null && this.transforms.canTransform(type)) {
			TransformedAsset variant = this.transforms.transform(asset, transform, request.getHeader("Accept"));
			type = variant.type();
			content = variant.content();
			etag += ":" + variant.variant();
		}
		ContentDisposition disposition = ((QueryString.parameter(request, "download") != null)
				? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(asset.filenameDownload(), StandardCharsets.UTF_8)
			.build();
		// revalidated on every use (cheap with the ETag), and never kept by shared caches
		// when it was read with credentials
		CacheControl cache = (who.user() != null) ? CacheControl.noCache().cachePrivate() : CacheControl.noCache();
		return ResponseEntity.ok()
			.eTag(HexFormat.of().formatHex(etag.getBytes(StandardCharsets.UTF_8)))
			.cacheControl(cache)
			// format=auto answers by the Accept header
			.varyBy("Accept")
			.header("Content-Disposition", disposition.toString())
			.contentType(MediaType.parseMediaType(type))
			.body(content);
	}

	private static Map<String, String> transformParameters(HttpServletRequest request) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String name : AssetTransforms.PARAMETERS) {
			String value = QueryString.parameter(request, name);
			if (value != null) {
				parameters.put(name, value);
			}
		}
		return parameters;
	}

}
