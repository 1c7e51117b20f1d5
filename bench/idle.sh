#!/usr/bin/env bash
# Idle resident memory of the standalone app (scenario (h) of bench/RESULTS.md): starts the exec
# jar on a fresh H2 with the demo content, once per set of JVM options, serves one login and one
# read, leaves it idle for 30 s, and prints its RSS as a Markdown table. The default set is the
# pom's tidings.jvm.memory (what ./mvnw spring-boot:run and the Dockerfile use).
#
#   bench/idle.sh                      # the JVM's own defaults, then the pom's
#   bench/idle.sh "-Xmx512m" "..."     # these sets instead
#   TIDINGS_JAR=F bench/idle.sh        # another exec jar, e.g. one built with ./mvnw -Pjetty package
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${TIDINGS_JAR:-$(ls target/tidings-*-exec.jar 2>/dev/null | head -1)}
[ -n "$jar" ] || { ./mvnw -q -B package -DskipTests; jar=$(ls target/tidings-*-exec.jar | head -1); }
jar=$(realpath "$jar")
memory=$(sed -n 's:.*<tidings.jvm.memory>\(.*\)</tidings.jvm.memory>.*:\1:p' pom.xml)
if [ $# -eq 0 ]; then set -- "" "$memory"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "| JVM options | RSS after 30 s idle (MiB) | started in |"
echo "|---|---|---|"
for options in "$@"; do
	dir=$(mktemp -d)
	# shellcheck disable=SC2086 # the options are words
	(cd "$dir" && exec env PORT="$port" HOST=127.0.0.1 SECRET=idle-bench-secret-0123456789-0123456789-012345 \
		ADMIN_PASSWORD=admin-password-123 DEMO_CONTENT=true JAVA_TOOL_OPTIONS= \
		java $options -jar "$jar" > server.log 2>&1) &
	pid=$!
	for _ in $(seq 1 120); do
		curl -sf -o /dev/null "http://127.0.0.1:$port/server/ping" && break
		sleep 1
	done
	token=$(curl -sf -H 'Content-Type: application/json' \
		-d '{"email":"admin@example.com","password":"admin-password-123"}' "http://127.0.0.1:$port/auth/login" |
		sed 's/.*"access_token":"\([^"]*\)".*/\1/')
	curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/items/articles"
	sleep 30
	rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
	started=$(grep -o 'Started TidingsApplication in [0-9.]* seconds' "$dir/server.log" | grep -o '[0-9.]* seconds' || true)
	label="\`$options\`"
	[ -n "$options" ] || label="none (the JVM defaults)"
	echo "| $label | $rss | $started |"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -rf "$dir"
done
