package dev.tidings.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The standalone app on Jetty ({@code ./mvnw -Pjetty package}): its refusals in the
 * envelope.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.eclipse.jetty.server.Server")
class StandaloneJetty {

	@Bean
	WebServerFactoryCustomizer<JettyServletWebServerFactory> tidingsJettyErrorEnvelope() {
		return (factory) -> factory
			.addServerCustomizers((server) -> server.setErrorHandler(new EnvelopeErrorHandler()));
	}

}
