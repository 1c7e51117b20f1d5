package dev.tidings.bench;

/**
 * What the hostile Reader of scenario (e) may do, which is what the server allows one
 * user by default: the attacker never opens more sockets or holds more subscriptions than
 * these, and counts every refusal when the server allows less.
 *
 * @param sockets sockets it opens ({@code tidings.websockets.max-sockets-per-user})
 * @param subscriptions subscriptions it holds per socket
 * ({@code tidings.websockets.max-subscriptions-per-socket})
 * @param queryBytes the most bytes of one subscription's query
 * ({@code tidings.websockets.max-query-size}); its heavy filters come just under it, its
 * oversized ones at twice as many
 * @param depth how many {@code _and}/{@code _or} levels a heavy filter nests
 * @param matchingPercent how many of its subscriptions in a hundred match every item it
 * may read, so that it also receives pushes; the others match nothing but are evaluated
 * to the last leaf
 * @param exponent the exponent of the huge numbers in its malformed subscriptions
 * @param rate the most frames a second per socket, or 0: as fast as the server answers
 * and its rate limit allows
 */
record Attack(int sockets, int subscriptions, int queryBytes, int depth, int matchingPercent, long exponent,
		int rate) {

}
