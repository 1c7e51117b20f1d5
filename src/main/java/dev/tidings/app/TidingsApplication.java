package dev.tidings.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The standalone CMS: the demo content model served by Tidings like any host application
 * would. Its defaults (port 8055, H2 under {@code ./data}, Directus's environment names)
 * are Spring default properties, so a host that has this jar on its classpath never sees
 * them.
 */
@SpringBootApplication
public class TidingsApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(TidingsApplication.class);
		application.setDefaultProperties(StandaloneDefaults.load(System.getenv()));
		application.run(args);
	}

}
