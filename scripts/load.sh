#!/usr/bin/env bash
# The load harness (docs/scale.md, "Load harness"): builds the jar if needed, measures the embedded default's start,
# starts Helhed against the given database, runs the Gatling simulations (Maven profile "load"), prints the table and
# the metrics, and stops the application. Never part of ./mvnw verify or .ci/run.
#
#   scripts/load.sh [--data demo|DIR] [--profile smoke|national] [--url jdbc:postgresql://...]
#                   [--db-user postgres] [--db-password ''] [--port 18380] [--management-port 18381]
#                   [--no-start-check]
#
#   --data demo   the small feeder set in src/load/feeders/demo (the demo logins and citizens); without --url the
#                 application runs on a fresh embedded H2 database with the demo data
#   --data DIR    the synthetic-data generator's feeders (staff.csv, citizens.csv, services.csv, queries.csv), e.g.
#                 target/synthetic-denmark/feeders; the database defaults to helhed_synthetic_national on
#                 127.0.0.1:5432, with the demo data off and the default CPR keys of application.yaml
#   --profile     smoke (about a minute) or national (100 concurrent staff sessions for 10 minutes)
#   --no-start-check  skip measuring the embedded default's start (time to /readyz, resident memory)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DATA=demo
PROFILE=smoke
URL=
DB_USER=postgres
DB_PASSWORD=
PORT=18380
MANAGEMENT_PORT=18381
START_CHECK=yes
while [[ $# -gt 0 ]]; do
	case "$1" in
		--data) DATA=$2; shift 2 ;;
		--profile) PROFILE=$2; shift 2 ;;
		--url) URL=$2; shift 2 ;;
		--db-user) DB_USER=$2; shift 2 ;;
		--db-password) DB_PASSWORD=$2; shift 2 ;;
		--port) PORT=$2; shift 2 ;;
		--management-port) MANAGEMENT_PORT=$2; shift 2 ;;
		--no-start-check) START_CHECK=no; shift ;;
		-h|--help) sed -n '2,19p' "$0"; exit 0 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
done
case "$PROFILE" in smoke|national) ;; *) echo "--profile is smoke or national, not $PROFILE" >&2; exit 2 ;; esac

if [[ "$DATA" == demo ]]; then
	FEEDERS=$ROOT/src/load/feeders/demo
	DEMO=true
else
	FEEDERS=$(cd "$DATA" && pwd)
	DEMO=false
	URL=${URL:-jdbc:postgresql://127.0.0.1:5432/helhed_synthetic_national}
fi
for file in staff.csv citizens.csv services.csv queries.csv; do
	[[ -f "$FEEDERS/$file" ]] || { echo "The load data $FEEDERS has no $file" >&2; exit 2; }
done

# A JDK 21 or newer: JAVA_HOME if it is one, else java on the PATH, else one under /usr/lib/jvm.
java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p'; }
JAVA=
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
	if [[ -n "$candidate" && -x "$candidate" ]] && (( $(java_version "$candidate") >= 21 )); then
		JAVA=$candidate
		break
	fi
done
[[ -n "$JAVA" ]] || { echo "No JDK 21 or newer found (set JAVA_HOME)" >&2; exit 2; }
export JAVA_HOME=$(dirname "$(dirname "$JAVA")")
export PATH=$JAVA_HOME/bin:$PATH

WORK=$ROOT/target/load
mkdir -p "$WORK"
JAR=$(ls "$ROOT"/target/helhed-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [[ -z "$JAR" || -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
	echo "== Building the jar"
	./mvnw -q package -Dmaven.test.skip=true
	JAR=$(ls "$ROOT"/target/helhed-*.jar | grep -v -- '-plain' | head -1)
fi

APP_PID=
SCRAPER_PID=
stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
	fi
	APP_PID=
}
cleanup() {
	[[ -n "$SCRAPER_PID" ]] && kill "$SCRAPER_PID" 2>/dev/null || true
	stop_app
}
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PORT" "$MANAGEMENT_PORT"; do
	port_free "$port" || { echo "Port $port is in use (choose --port / --management-port)" >&2; exit 2; }
done

# Starts the jar in folder $1 (its ./data), with the environment given after it; sets APP_PID.
start_app() {
	local folder=$1; shift
	mkdir -p "$folder"
	(cd "$folder" && exec env SERVER_PORT="$PORT" HELHED_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
		"$@" "$JAVA" -jar "$JAR" >"$folder/app.log" 2>&1) &
	APP_PID=$!
}
# Waits for /readyz; prints the seconds it took since $1 (date +%s.%N).
wait_ready() {
	local started=$1
	for _ in $(seq 1 6000); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz" 2>/dev/null; then
			awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.1f", now - then }'
			return 0
		fi
		kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped; see its log" >&2; return 1; }
		sleep 0.1
	done
	echo "The application was not ready after ten minutes" >&2
	return 1
}
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# CPU seconds (user + system) the process has used: on a busy machine a steadier figure than the wall clock.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

START_REPORT=
if [[ "$START_CHECK" == yes ]]; then
	echo "== The embedded default's start (H2 in a fresh folder, demo data, java -jar $(basename "$JAR"))"
	for attempt in first again; do
		folder=$WORK/embedded
		[[ "$attempt" == first ]] && rm -rf "$folder"
		started=$(date +%s.%N)
		start_app "$folder" HELHED_DEMO_ENABLED=true
		seconds=$(wait_ready "$started") || { tail -40 "$folder/app.log"; exit 1; }
		cpu=$(cpu_seconds "$APP_PID")
		sleep 1
		rss=$(rss_mib "$APP_PID")
		line=$(printf '%-46s %6.1f s to /readyz (%s CPU s), %5s MiB resident (VmRSS); load average %s' \
			"start on $( [[ $attempt == first ]] && echo 'an empty database (Flyway, seed, demo)' || echo 'the same database again')" \
			"$seconds" "$cpu" "$rss" "$(cut -d' ' -f1 /proc/loadavg)")
		echo "$line"
		START_REPORT+="$line"$'\n'
		stop_app
	done
fi

echo "== Starting Helhed for the load run on port $PORT (operators' port $MANAGEMENT_PORT)"
RUN=$WORK/run
rm -rf "$RUN"
if [[ -z "$URL" ]]; then
	echo "   database: a fresh embedded H2 in $RUN/data, demo data on"
	start_app "$RUN" HELHED_DEMO_ENABLED=true
else
	echo "   database: $URL (user $DB_USER), demo data $DEMO"
	start_app "$RUN" HELHED_DEMO_ENABLED="$DEMO" SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME="$DB_USER" \
		SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD"
fi
seconds=$(wait_ready "$(date +%s.%N)") || { tail -40 "$RUN/app.log"; exit 1; }
echo "   ready after $seconds s, $(rss_mib "$APP_PID") MiB resident"

# A short warm-up of the public pages and the API (not measured), so the table is not mostly the JIT's first minutes.
SLUG=$(awk -F, 'NR == 2 { print $2 }' "$FEEDERS/services.csv")
echo "   warming up on /$SLUG (public pages and the HSDS API, 10 rounds, not measured)"
for _ in $(seq 1 10); do
	for path in "/$SLUG" "/$SLUG/indsatser?q=hj%C3%A6lp+til+bolig" "/api/municipalities/$SLUG/hsds/services" \
		"/api/municipalities/$SLUG/hsds/"; do
		curl -fsS -o /dev/null "http://127.0.0.1:$PORT$path" || true
	done
done

SCRAPES=$WORK/scrapes
rm -rf "$SCRAPES"
mkdir -p "$SCRAPES"
scrape() { curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" -o "$SCRAPES/$(date +%s%N).txt"; }
scrape || { echo "No metrics at http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" >&2; exit 1; }
(while sleep 2; do scrape || true; done) &
SCRAPER_PID=$!

echo "== Gatling: profile $PROFILE, data $FEEDERS"
mkdir -p "$ROOT/target/gatling"
marker=$WORK/run-started
touch "$marker"
set +e
./mvnw -q -Pload gatling:test -Dload.baseUrl="http://127.0.0.1:$PORT" -Dload.feeders="$FEEDERS" \
	-Dload.profile="$PROFILE" -Dgatling.failOnError=false
gatling_status=$?
set -e
kill "$SCRAPER_PID" 2>/dev/null || true
wait "$SCRAPER_PID" 2>/dev/null || true
SCRAPER_PID=
scrape
RESULTS=$(find "$ROOT/target/gatling" -mindepth 1 -maxdepth 1 -type d -newer "$marker" | sort | tail -1)
[[ -n "$RESULTS" && -f "$RESULTS/index.html" ]] || { echo "Gatling wrote no results (status $gatling_status)" >&2; exit 1; }

if [[ ! -s "$WORK/classpath.txt" || "$ROOT/pom.xml" -nt "$WORK/classpath.txt" ]]; then
	./mvnw -q -Pload dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
fi
echo
echo "== Results: $RESULTS/index.html"
[[ -n "$START_REPORT" ]] && { echo "Embedded default's start (targets: ≤ 10 s, ≤ 600 MiB):"; printf '%s' "$START_REPORT"; }
set +e
"$JAVA" -cp "$ROOT/target/test-classes:$(cat "$WORK/classpath.txt")" dk.helhed.load.LoadReport "$RESULTS" "$SCRAPES"
report_status=$?
set -e
stop_app
exit $report_status
