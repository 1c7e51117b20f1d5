package dev.tidings.items.differential;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * A host application holding only the probe entities, so that the standalone app's
 * entities and migrations play no part in the differential tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = ProbeRow.class)
class DifferentialTestApplication {

}
