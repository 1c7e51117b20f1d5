package dev.tidings.host.security.plain;

import dev.tidings.host.security.HostRoutes;
import dev.tidings.host.security.Pet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;

/** A host with Spring Security and no chain of its own: Boot's default guards it. */
@SpringBootApplication
@EntityScan(basePackageClasses = Pet.class)
@Import(HostRoutes.class)
public class DefaultSecurityHostApplication {

}
