package dev.tidings.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The standalone CMS: the demo content model served by Tidings like any host application would.
 * Its defaults (port 8055, H2 under {@code ./data}, Directus's environment names) come from a
 * property source of this class alone, so a host with this jar on its classpath never sees them,
 * and environment variables or {@code application.properties} override them here.
 */
@SpringBootApplication
@PropertySource("classpath:dev/tidings/app/standalone.properties")
public class TidingsApplication {

	public static void main(String[] args) {
		SpringApplication.run(TidingsApplication.class, args);
	}

}
