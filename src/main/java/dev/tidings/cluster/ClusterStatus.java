package dev.tidings.cluster;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How this instance's link to the others stands, for the health endpoint.
 *
 * @param instance this instance's id in the stream, new at every start
 * @param connected whether both its Redis connections (reading and writing) are up
 * @param buffered its own entries Redis has not given back yet: in flight while
 * connected, waiting to be published while not
 * @param dropped entries dropped since start because the buffer was full; the other
 * instances never received them
 * @param rejected entries of the stream refused since start: unsigned or wrongly signed,
 * unreadable, or with an implausible sequence (a WARN names their origin)
 * @param disconnectedSince when the current outage began, null while connected
 * @param lag how long the last change read from the stream took from its commit (on
 * whichever instance) to its reading here: Redis's round trip, plus any difference
 * between the instances' clocks; zero until a change is read
 */
public record ClusterStatus(String instance, boolean connected, int buffered, long dropped, long rejected,
		@Nullable Instant disconnectedSince, Duration lag) {

}
