package dev.tidings.host.schema;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host with one entity of its own and nothing about Tidings but the dependency. */
@SpringBootApplication
public class HostSchemaApplication {

}
