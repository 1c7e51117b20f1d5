package dev.tidings.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.tidings.errors.RequestsExceededException;

/**
 * Slows password guessing without ever locking out the real user: failed logins are
 * counted per client address and per (e-mail, client address), never per e-mail alone, so
 * an attacker exhausts only the buckets of the addresses they use, and the user's status
 * is never touched. Each bucket allows a burst of failures, regains one per
 * {@code refill}, and when empty blocks its key for {@code refill}, doubling with every
 * further exhaustion up to {@code maxBlock}; the doubling starts over once a key has
 * stayed quiet for {@code maxBlock} after its last block. IPv6 addresses count per /64.
 * The tracked keys are capped; the least recently used are forgotten first. See ADR 0004.
 */
public final class LoginThrottle {

	private final Limits limits;

	private final Clock clock;

	private final Buckets addresses;

	private final Buckets accounts;

	public LoginThrottle(Limits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
		this.addresses = new Buckets(limits.failuresPerAddress(), limits.maxTrackedKeys());
		this.accounts = new Buckets(limits.failuresPerAccount(), limits.maxTrackedKeys());
	}

	/**
	 * Refuses a login attempt from a blocked address or for a blocked (e-mail, address).
	 * @throws RequestsExceededException with the time the block ends
	 */
	public void check(String address, String email) {
		if (!this.limits.enabled()) {
			return;
		}
		Instant now = this.clock.instant();
		String client = clientKey(address);
		this.addresses.check(client, now);
		this.accounts.check(accountKey(email, client), now);
	}

	public void failed(String address, String email) {
		if (!this.limits.enabled()) {
			return;
		}
		Instant now = this.clock.instant();
		String client = clientKey(address);
		this.addresses.fail(client, now);
		this.accounts.fail(accountKey(email, client), now);
	}

	/**
	 * Forgets the failures for the (e-mail, address) that just logged in; the address's
	 * own count stays, so one valid account does not launder guesses at others.
	 */
	public void succeeded(String address, String email) {
		this.accounts.forget(accountKey(email, clientKey(address)));
	}

	private static String accountKey(String email, String client) {
		return email.toLowerCase(Locale.ROOT) + "\n" + client;
	}

	/** The address itself, or its /64 network for IPv6 where one host holds many. */
	static String clientKey(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 16) {
				return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
			}
		}
		catch (UnknownHostException ex) {
			// not a literal; count it as given
		}
		return address;
	}

	/**
	 * The throttling settings.
	 *
	 * @param enabled whether failed logins are throttled
	 * @param failuresPerAddress how many failed logins one client address may make in a
	 * burst
	 * @param failuresPerAccount how many failed logins for one e-mail one client address
	 * may make in a burst
	 * @param refill how long it takes to regain one allowed failure, and the first block
	 * @param maxBlock the longest a key is blocked
	 * @param maxTrackedKeys how many addresses (and as many e-mail and address pairs) are
	 * tracked at once
	 */
	public record Limits(boolean enabled, int failuresPerAddress, int failuresPerAccount, Duration refill,
			Duration maxBlock, int maxTrackedKeys) {

		public Limits {
			if (failuresPerAddress < 1 || failuresPerAccount < 1 || maxTrackedKeys < 1 || refill.isNegative()
					|| refill.isZero() || maxBlock.compareTo(refill) < 0) {
				throw new IllegalArgumentException("Invalid login throttling limits: " + failuresPerAddress + ", "
						+ failuresPerAccount + ", " + refill + ", " + maxBlock + ", " + maxTrackedKeys);
			}
		}

	}

	/** Token buckets by key, least recently used evicted beyond the cap. */
	private final class Buckets {

		private final int capacity;

		private final Map<String, Bucket> buckets;

		Buckets(int capacity, int maxKeys) {
			this.capacity = capacity;
			this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
					return size() > maxKeys;
				}
			};
		}

		synchronized void check(String key, Instant now) {
			Bucket bucket = this.buckets.get(key);
			if (bucket != null && now.isBefore(bucket.blockedUntil)) {
				throw new RequestsExceededException(this.capacity, now, bucket.blockedUntil);
			}
		}

		synchronized void fail(String key, Instant now) {
			this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.capacity, now)).fail(now);
		}

		synchronized void forget(String key) {
			this.buckets.remove(key);
		}

	}

	private final class Bucket {

		private final int capacity;

		private double tokens;

		private Instant updated;

		private int strikes;

		private Instant blockedUntil = Instant.MIN;

		Bucket(int capacity, Instant now) {
			this.capacity = capacity;
			this.tokens = capacity;
			this.updated = now;
		}

		void fail(Instant now) {
			Duration refill = LoginThrottle.this.limits.refill();
			this.tokens = Math.min(this.capacity,
					this.tokens + (double) Duration.between(this.updated, now).toNanos() / refill.toNanos());
			this.updated = now;
			if (!now.isBefore(this.blockedUntil.plus(LoginThrottle.this.limits.maxBlock()))) {
				// quiet for the longest block since the last one ended: start over
				this.strikes = 0;
			}
			this.tokens -= 1;
			if (this.tokens < 1) {
				Duration block = refill.multipliedBy(1L << Math.min(this.strikes, 30));
				Duration max = LoginThrottle.this.limits.maxBlock();
				this.blockedUntil = now.plus((block.compareTo(max) > 0) ? max : block);
				this.strikes++;
			}
		}

	}

}
