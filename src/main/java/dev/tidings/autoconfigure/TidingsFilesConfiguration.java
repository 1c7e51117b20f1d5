package dev.tidings.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tidings.files.AssetTransforms;
import dev.tidings.files.FileAssets;
import dev.tidings.files.ImageTransform;
import dev.tidings.files.FileUploads;
import dev.tidings.files.ImportRules;
import dev.tidings.files.LocalStorage;
import dev.tidings.files.Storage;
import dev.tidings.files.StorageLocations;
import dev.tidings.files.UploadRules;
import dev.tidings.items.ItemsService;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Files: their storage locations, uploads and imports, and the reading of assets. The
 * {@code local} location is a folder; any other location name is a {@link Storage} bean
 * of that name, which is how another store plugs in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TidingsFilesProperties.class, TidingsStorageProperties.class,
		TidingsAssetsProperties.class })
class TidingsFilesConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StorageLocations tidingsStorageLocations(TidingsStorageProperties properties, BeanFactory beans) {
		Map<String, Storage> storages = new LinkedHashMap<>();
		for (String name : properties.locations()) {
			String location = name.trim();
			storages.put(location, location.equals("local") ? new LocalStorage(properties.local().root())
					: beans.getBean(location, Storage.class));
		}
		return new StorageLocations(storages);
	}

	@Bean
	FileUploads tidingsFileUploads(ItemsService items, StorageLocations storages, TidingsFilesProperties properties) {
		TidingsFilesProperties.Import imports = properties.importSettings();
		return new FileUploads(items, storages,
				new UploadRules(properties.maxUploadSize(), properties.mimeTypeAllowList()),
				new ImportRules(imports.enabled(), imports.allowPrivateAddresses(), imports.timeout()),
				Clock.systemUTC());
	}

	@Bean
	FileAssets tidingsFileAssets(ItemsService items, StorageLocations storages,
			EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
		return new FileAssets(items, storages, entityManagerFactory, transactionManager);
	}

	@Bean
	AssetTransforms tidingsAssetTransforms(TidingsAssetsProperties properties) {
		Map<String, ImageTransform> presets = new LinkedHashMap<>();
		properties.presets()
			.forEach((name, preset) -> presets.put(name,
					AssetTransforms.preset(name, parameters(preset), properties.maxDimension())));
		Path cache = (properties.cacheDir() != null) ? properties.cacheDir()
				: Path.of(System.getProperty("java.io.tmpdir"), "tidings-assets");
		int concurrent = (properties.maxConcurrent() > 0) ? properties.maxConcurrent()
				: Runtime.getRuntime().availableProcessors();
		return new AssetTransforms(new AssetTransforms.Settings(properties.transform(), presets,
				properties.maxDimension(), cache, concurrent, properties.queueTimeout()));
	}

	private static Map<String, String> parameters(TidingsAssetsProperties.Preset preset) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (preset.width() != null) {
			parameters.put("width", preset.width().toString());
		}
		if (preset.height() != null) {
			parameters.put("height", preset.height().toString());
		}
		parameters.put("fit", preset.fit());
		parameters.put("quality", Integer.toString(preset.quality()));
		parameters.put("format", preset.format());
		parameters.put("withoutEnlargement", Boolean.toString(preset.withoutEnlargement()));
		return parameters;
	}

}
