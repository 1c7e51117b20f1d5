package dev.tidings.app;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's routes, in a bare MVC context holding only {@link DashboardPage}; the
 * SDK files are those the build copied from the npm package. The page itself is tested in
 * Chromium by {@code src/test/e2e/test/dashboard.test.mjs}.
 */
@SpringJUnitWebConfig(DashboardPageTests.Mvc.class)
class DashboardPageTests {

	private final MockMvc mvc;

	DashboardPageTests(WebApplicationContext context) {
		this.mvc = MockMvcBuilders.webAppContextSetup(context).build();
	}

	@Test
	void rootThenTheDashboardPage() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("/dashboard/index.html"));
		this.mvc.perform(get("/dashboard/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<script type=\"module\" src=\"/dashboard/app.js\">")));
	}

	@Test
	void sdkThenTheNpmPackageAsJavaScriptModulesWithItsLicence() throws Exception {
		this.mvc.perform(get("/dashboard/sdk/index.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"))
			.andExpect(content().string(containsString("from\"./realtime/composable.js\"")));
		this.mvc.perform(get("/dashboard/sdk/realtime/composable.js")).andExpect(status().isOk());
		this.mvc.perform(get("/dashboard/sdk/license"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("MIT")));
	}

	@Test
	void filesThenNeverCachedPastARebuild() throws Exception {
		this.mvc.perform(get("/dashboard/app.js"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().doesNotExist("Last-Modified"));
	}

	@Test
	void unknownFileThenNotFound() throws Exception {
		this.mvc.perform(get("/dashboard/nope.js")).andExpect(status().isNotFound());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@Import(DashboardPage.class)
	static class Mvc {

	}

}
