package dev.tidings.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The standalone app's live dashboard: a static page at {@code /} that logs in and
 * watches a collection through {@code @directus/sdk}, which the build copies in from npm
 * under {@code sdk/}. Served from a location of this package rather than Boot's
 * {@code static/}, so a host with the library jar on its classpath never serves it.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPage implements WebMvcConfigurer {

	private static final String PATH = "/dashboard/";

	private static final String LOCATION = "classpath:/dev/tidings/app/dashboard/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Every jar entry has the build's fixed timestamp, so Last-Modified would let a
		// browser keep the page or SDK of an older build: fetched anew on every load.
		registry.addResourceHandler(PATH + "**")
			.addResourceLocations(LOCATION)
			.setUseLastModified(false)
			.setCacheControl(CacheControl.noStore());
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:" + PATH + "index.html");
	}

}
