package dev.tidings.app;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tomcat sized for many mostly idle WebSocket subscribers: each connection holds a socket
 * read and a socket write buffer (8 KiB each by default) for its whole life. The read
 * buffer only ever sees small requests and frames; the write buffer bounds how many bytes
 * one socket write carries, so it stays as large as the WebSocket output buffer whose
 * batched frames it writes. Sizes and their effect are in {@code bench/RESULTS.md}; a
 * host embedding Tidings chooses its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
class StandaloneTomcat {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tidingsSocketBuffers(Environment environment) {
		String read = environment.getProperty("tidings.standalone.socket-read-buffer", "8192");
		String write = environment.getProperty("tidings.standalone.socket-write-buffer", "8192");
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			connector.setProperty("socket.appReadBufSize", read);
			connector.setProperty("socket.appWriteBufSize", write);
		});
	}

	/**
	 * Tomcat's own refusals in the Directus envelope: the host adds its error report
	 * valve at start, after the one Spring Boot adds, so this one answers first.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tidingsErrorEnvelope() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
			}
		});
	}

}
