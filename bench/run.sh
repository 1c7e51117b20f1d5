#!/usr/bin/env bash
# The load tool: bench/run.sh SCENARIO [options]   (see bench/README.md)
# Builds the tool and, if missing, the exec jar; raises the open-file limit to the hard limit
# (scenario connections needs ~20,000 sockets); with --wait-quiet waits until no other build or
# test server uses the cores; then runs the scenario against a Tidings it starts itself (or
# --target URL), prints the tables and updates bench/RESULTS.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ $# -eq 0 ]; then
	sed -n '2,6p' "$0" >&2
	exit 2
fi

command="bench/run.sh $*"
args=()
wait_quiet=false
# scenario resume compares with the last commit before the change log, unless told otherwise
baseline_rev=22f8d1f
previous=
for arg in "$@"; do
	if [ "$previous" = --baseline-rev ]; then
		baseline_rev="$arg"
	elif [ "$arg" = --wait-quiet ]; then
		wait_quiet=true
	elif [ "$arg" != --baseline-rev ]; then
		args+=("$arg")
	fi
	previous="$arg"
done

ulimit -n "$(ulimit -Hn)"

jar=$(ls target/tidings-*-exec.jar 2>/dev/null | head -1 || true)
given_jar=false
for arg in "${args[@]}"; do
	if [ "$arg" = --jar ]; then given_jar=true; fi
done
# a --jar of the caller's (it wins over this one) needs no build
if [ -z "$jar" ] && ! $given_jar; then
	./mvnw -q package -DskipTests
	jar=$(ls target/tidings-*-exec.jar | head -1)
fi
./mvnw -q -f bench/pom.xml package

if [ "${args[0]}" = resume ] && [[ " ${args[*]} " != *" --baseline-jar "* ]]; then
	# the baseline's exec jar, built once per commit in a worktree of its own
	baseline="$root/bench/target/tidings-baseline-$baseline_rev.jar"
	if [ ! -f "$baseline" ]; then
		tree="$(mktemp -d)/baseline"
		git worktree add -q --detach "$tree" "$baseline_rev"
		(cd "$tree" && ./mvnw -q package -DskipTests)
		cp "$(ls "$tree"/target/tidings-*-exec.jar | head -1)" "$baseline"
		git worktree remove --force "$tree"
	fi
	args+=(--baseline-jar "$baseline")
fi

if $wait_quiet; then
	# other builds' test JVMs, the SDK suite, other standalone servers (ours carry -Dtidings.bench=1)
	while pgrep -af 'surefire|node --test|java .*-jar [^ ]*tidings-[^ ]*-exec\.jar' | grep -v -e '-Dtidings.bench=1' >/dev/null; do
		echo "waiting for other builds to finish..." >&2
		sleep 20
	done
fi

results="$root/bench/RESULTS.md"
[ "${args[0]}" = smoke ] && results=none
export BENCH_COMMAND="$command"
# the scenario first, then run.sh's defaults, then the caller's options, which win
exec java -Xmx3g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -jar bench/target/tidings-bench.jar "${args[0]}" \
	--jar "$jar" --results "$results" ${DIRECTUS_PEER_DIR:+--peer-dir "$DIRECTUS_PEER_DIR"} "${args[@]:1}"
