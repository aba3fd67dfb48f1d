#!/usr/bin/env bash
# Several Helhed instances on one PostgreSQL behind HAProxy, started by one command, and three proofs:
#   1. sessions live in the database: one login through HAProxy works on every instance (answers carry the header
#      X-Helhed-Instance, set by HELHED_INSTANCE_ID; the same cookie is also sent to each instance's own port);
#   2. scheduled jobs run once: the three ShedLock jobs run every few seconds for this run only, and the shedlock
#      table and the instances' logs show one run per schedule across all instances;
#   3. kill -9 during a write load loses no acknowledged write and the others keep serving: caseworkers register
#      anonymous contacts through HAProxy, one instance is killed with SIGKILL in the middle, and every acknowledged
#      contact must be in the database afterwards (prints the counts; exits non-zero otherwise).
# Then it starts the killed instance again and shows that it rejoins, and stops everything it started on exit.
#
#   scripts/cluster.sh [--instances 2] [--writers 6] [--seconds 40] [--kill-after 15] [--start-timeout 600]
#                      [--keep-database]
#
# Needs a JDK 21+ (JAVA_HOME or java on the PATH), PostgreSQL at 127.0.0.1:5432 (PGHOST, PGPORT, PGUSER; user
# postgres with trust by default) with its client tools, and HAProxy (installed from Debian's packages if missing).
# Ports (CLUSTER_PORT, default 18400): HAProxy on CLUSTER_PORT, its statistics on +1; instance i on +10+i (public)
# and +20+i (operators' port). The database is helhed_cluster_<time>, dropped at the end unless --keep-database.
# A separate run: never part of ./mvnw verify or .ci/run.
set -euo pipefail

instances=2 writers=6 seconds=40 kill_after=15 keep_database=false start_timeout=600
while [[ $# -gt 0 ]]; do
	case "$1" in
		--instances) instances=$2; shift 2 ;;
		--writers | --writes) writers=$2; shift 2 ;;
		--seconds) seconds=$2; shift 2 ;;
		--kill-after) kill_after=$2; shift 2 ;;
		--keep-database) keep_database=true; shift ;;
		--start-timeout) start_timeout=$2; shift 2 ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done
if ((instances < 2)); then echo "--instances must be at least 2" >&2; exit 2; fi
if ((kill_after >= seconds)); then echo "--kill-after must be less than --seconds" >&2; exit 2; fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
base_port=${CLUSTER_PORT:-18400}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database=helhed_cluster_$(date +%Y%m%d_%H%M%S)
work=$(mktemp -d /tmp/helhed-cluster.XXXXXX)
schedule_seconds=15
schedule="*/$schedule_seconds * * * * *"

if [[ -n "${JAVA_HOME:-}" ]]; then export PATH="$JAVA_HOME/bin:$PATH"; fi
if ! java -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
	echo "Needs a JDK 21 or newer: set JAVA_HOME" >&2
	exit 2
fi
if ! command -v haproxy > /dev/null; then
	echo "Installing HAProxy from Debian's packages"
	DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy > "$work/apt.log" 2>&1 \
		|| { apt-get update > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy > "$work/apt.log"; }
fi

declare -A pid
haproxy_pid= poller_pid=
stop_all() {
	local status=$?
	set +e
	[[ -n "$poller_pid" ]] && kill "$poller_pid" 2> /dev/null
	for i in "${!pid[@]}"; do kill "${pid[$i]}" 2> /dev/null; done
	[[ -n "$haproxy_pid" ]] && kill "$haproxy_pid" 2> /dev/null
	for i in "${!pid[@]}"; do
		for _ in $(seq 30); do kill -0 "${pid[$i]}" 2> /dev/null || break; sleep 1; done
		kill -9 "${pid[$i]}" 2> /dev/null
	done
	wait 2> /dev/null
	if [[ $keep_database == false ]]; then dropdb --if-exists "$database" 2> /dev/null; fi
	echo "Stopped everything started (logs in $work$([[ $keep_database == true ]] && echo ", database $database kept"))"
	exit "$status"
}
trap stop_all EXIT INT TERM

jar=$(ls target/helhed-*.jar 2> /dev/null | grep -v plain | head -1 || true)
if [[ -z "$jar" ]]; then
	echo "Building the jar (./mvnw -q -B package -DskipTests)"
	./mvnw -q -B package -DskipTests
	jar=$(ls target/helhed-*.jar | grep -v plain | head -1)
fi

createdb "$database"
echo "Database $database; work folder $work"
sql() { psql --dbname="$database" --no-psqlrc --quiet --tuples-only --no-align --field-separator=' ' "$@"; }

# The same CPR keys for every instance, made for this run.
encryption_key=$(head -c 32 /dev/urandom | base64)
hash_key=$(head -c 32 /dev/urandom | base64)
form_key=$(head -c 32 /dev/urandom | base64)

start_instance() {
	local i=$1
	mkdir -p "$work/helhed-$i"
	(
		cd "$work/helhed-$i"
		SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
			SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
			HELHED_CRYPTO_CPR_ENCRYPTION_KEY="$encryption_key" HELHED_CRYPTO_CPR_HASH_KEY="$hash_key" \
			HELHED_PARTICIPATION_FORMKEY="$form_key" \
			HELHED_INSTANCE_ID="helhed-$i" SERVER_PORT=$((base_port + 10 + i)) \
			HELHED_MANAGEMENT_PORT=$((base_port + 20 + i)) HELHED_TRUSTED_PROXIES='127\.0\.0\.1' \
			HELHED_AUDIT_PURGE_CRON="$schedule" HELHED_RETENTION_CRON="$schedule" \
			HELHED_REFERRAL_OFFER_EXPIRY_CRON="$schedule" HELHED_SCHEDULING_LOCK_AT_LEAST_FOR=PT5S \
			LOGGING_LEVEL_NET_JAVACRUMBS_SHEDLOCK=DEBUG LOGGING_FILE_NAME="$work/helhed-$i.log" \
			exec java -Xmx512m -XX:+UseSerialGC -jar "$root/$jar" > "$work/helhed-$i.out" 2>&1
	) &
	pid[$i]=$!
}

await_ready() {
	local i=$1 port=$((base_port + 10 + $1))
	for _ in $(seq "$start_timeout"); do
		if curl -fs "http://127.0.0.1:$port/readyz" > /dev/null 2>&1; then return 0; fi
		if ! kill -0 "${pid[$i]}" 2> /dev/null; then
			echo "helhed-$i stopped while starting:" >&2
			tail -30 "$work/helhed-$i.out" >&2
			return 1
		fi
		sleep 1
	done
	echo "helhed-$i not ready after $start_timeout s (--start-timeout)" >&2
	return 1
}

echo
echo "== Start: $instances instances at once on the empty database"
started=$(date +%s)
for i in $(seq "$instances"); do start_instance "$i"; done
for i in $(seq "$instances"); do await_ready "$i"; done
echo "All $instances ready after $(($(date +%s) - started)) s"
for i in $(seq "$instances"); do
	waited=$(grep -ho 'Waited [0-9]* ms for another instance' "$work/helhed-$i.out" | grep -o '[0-9]*' || true)
	loaded=$(grep -c 'Loaded municipality' "$work/helhed-$i.out" || true)
	echo "  helhed-$i (pid ${pid[$i]}): loaded $loaded municipalities${waited:+, waited $waited ms for the other instances to load the start-up data}"
done
read -r municipalities demo_citizens duplicates migrations < <(sql --command="select
	(select count(*) from municipality),
	(select count(*) from citizen where synthetic),
	(select count(*) from (select municipality_id, cpr_hash from citizen where cpr_hash is not null
	                       group by 1, 2 having count(*) > 1) d)
	  + (select count(*) from (select municipality_id, slug from municipality group by 1, 2 having count(*) > 1) m),
	(select count(*) from flyway_schema_history where success)")
seed_folders=$(ls -d src/main/resources/seed/municipalities/*/ | wc -l)
echo "  database: $municipalities municipalities (seed folders: $seed_folders), $demo_citizens demo citizens," \
	"$duplicates duplicates, $migrations migrations applied once each"
if [[ "$municipalities" != "$seed_folders" || "$duplicates" != 0 ]]; then
	echo "FAILED: the start-up data was loaded more than once or not at all" >&2
	exit 1
fi

cat > "$work/haproxy.cfg" << EOF
global
	maxconn 2000
defaults
	mode http
	timeout connect 2s
	timeout client 60s
	timeout server 60s
	# A connection an instance refuses is tried again (up to 3 times), on another instance (redispatch). A request
	# an instance has received is never sent twice: a write whose answer was lost is an error, not a retry.
	retries 3
	option redispatch
	option forwardfor
	option httpchk GET /readyz
	http-check expect status 200
frontend helhed
	bind 127.0.0.1:$base_port
	default_backend instances
backend instances
	# Round robin, no sticky sessions: the session lives in the database.
	balance roundrobin
$(for i in $(seq "$instances"); do
	echo "	server helhed-$i 127.0.0.1:$((base_port + 10 + i)) check inter 1s fall 2 rise 2"
done)
listen statistics
	bind 127.0.0.1:$((base_port + 1))
	stats enable
	stats uri /
EOF
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.out" 2>&1 &
haproxy_pid=$!
balancer="http://127.0.0.1:$base_port"
for _ in $(seq 30); do curl -fs "$balancer/readyz" > /dev/null 2>&1 && break; sleep 1; done
echo "HAProxy (pid $haproxy_pid) at $balancer, statistics at http://127.0.0.1:$((base_port + 1))/"

# Every second, the shedlock table's rows: each run of a job sets locked_at (the database's clock) and locked_by.
(
	while true; do
		sql --command="select name, to_char(locked_at, 'HH24:MI:SS.MS'), locked_by from shedlock" >> "$work/shedlock.txt" 2> /dev/null || true
		sleep 1
	done
) &
poller_pid=$!
jobs_started=$(date +%s)

client=(java "$root/src/test/java/dk/helhed/scale/KillNineRun.java")
echo
echo "== Sessions: one login through HAProxy, used on every instance"
direct=()
for i in $(seq "$instances"); do direct+=("helhed-$i=http://127.0.0.1:$((base_port + 10 + i))"); done
"${client[@]}" sessions "$balancer" "${direct[@]}"

victim=$instances
echo
echo "== Write load through HAProxy: $writers caseworkers for $seconds s, kill -9 of helhed-$victim after $kill_after s"
load_status=0
"${client[@]}" load "$balancer" "$writers" "$seconds" "$kill_after" "helhed-$victim" "${pid[$victim]}" \
	"$work/acknowledged.txt" || load_status=$?
wait "${pid[$victim]}" 2> /dev/null || exit_status=$?
echo "helhed-$victim exit status: ${exit_status:-0} (137 = killed by SIGKILL)"
unset "pid[$victim]"

sql --command="create table cluster_acknowledged (pseudonym varchar(80) primary key)" > /dev/null
sql --command="\\copy cluster_acknowledged from '$work/acknowledged.txt'"
read -r acknowledged missing without_audit stored < <(sql --command="select
	(select count(*) from cluster_acknowledged),
	(select count(*) from cluster_acknowledged a where not exists (select 1 from citizen c where c.pseudonym = a.pseudonym)),
	(select count(*) from citizen c join cluster_acknowledged a on a.pseudonym = c.pseudonym
	  where (select count(*) from audit_event e where e.citizen_id = c.id and e.action = 'CREATE') <> 1
	     or (select count(*) from involvement i where i.citizen_id = c.id) <> 1),
	(select count(*) from citizen where pseudonym like 'Klynge-%')")
sql --command="drop table cluster_acknowledged" > /dev/null
echo "| acknowledged, checked in the database | $acknowledged |"
echo "| acknowledged but missing in the database | $missing |"
echo "| stored without exactly one involvement and one CREATE audit row | $without_audit |"
echo "| stored in all (acknowledged + committed whose answer was lost) | $stored |"

echo
echo "== Restart helhed-$victim: does it rejoin?"
start_instance "$victim"
await_ready "$victim"
for _ in $(seq 20); do
	served=$(for _ in $(seq $((2 * instances))); do curl -s -o /dev/null -D - "$balancer/readyz" | tr -d '\r' | grep -i '^X-Helhed-Instance' ; done | sort | uniq -c | tr -s ' ' | paste -sd ',' -)
	[[ "$served" == *"helhed-$victim"* ]] && break
	sleep 1
done
echo "Answers through HAProxy after the restart:$served"
rejoined=$([[ "$served" == *"helhed-$victim"* ]] && echo true || echo false)

echo
echo "== Scheduled jobs: every $schedule_seconds s for this run, over $(($(date +%s) - jobs_started)) s"
sleep 1
kill "$poller_pid" 2> /dev/null || true
wait "$poller_pid" 2> /dev/null || true
poller_pid=
echo "Runs seen in the shedlock table (locked_at by the database's clock, locked_by host/instance):"
sort -u "$work/shedlock.txt" | awk '{ runs[$1]++; by[$1 " " $3]++ } END {
	for (k in by) { split(k, p, " "); printf "  %-24s %-36s %d runs\n", p[1], p[2], by[k] } }' | sort
jobs_status=0
echo "Runs per schedule slot, from the instances' own logs (ShedLock \"Locked '<job>'\" and the jobs' own lines):"
printf "  %-24s %6s %6s %10s %s\n" job slots runs "max/slot" "job's own log lines (per instance)"
for job in audit-purge citizen-retention referral-offer-expiry; do
	case $job in
		audit-purge) own='Purged [0-9]* audit rows' ;;
		citizen-retention) own='Retention: deleted' ;;
		referral-offer-expiry) own='Expired [0-9]* offers|An expired offer' ;;
	esac
	# "2026-12-02T04:50:15.012..." -> slot of $schedule_seconds seconds
	grep -h "Locked '$job'" "$work"/helhed-*.log | sed -E 's/^\{"@timestamp":"[0-9-]*T([0-9:]*).*/\1/' \
		| awk -F: -v s="$schedule_seconds" '{ printf "%s:%s:%02d\n", $1, $2, int($3 / s) * s }' \
		| sort | uniq -c > "$work/slots-$job.txt" || true
	slots=$(wc -l < "$work/slots-$job.txt")
	runs=$(awk '{ n += $1 } END { print n + 0 }' "$work/slots-$job.txt")
	max=$(awk 'BEGIN { m = 0 } { if ($1 > m) m = $1 } END { print m }' "$work/slots-$job.txt")
	per_instance=
	for f in "$work"/helhed-*.log; do
		locked=$(grep -c "Locked '$job'" "$f" || true)
		lines=$(grep -Ec "$own" "$f" || true)
		per_instance+="$(basename "$f" .log)=$locked/$lines "
	done
	printf "  %-24s %6s %6s %10s %s\n" "$job" "$slots" "$runs" "$max" "$per_instance"
	if ((slots < 2 || max != 1)); then jobs_status=1; fi
done
echo "  (per instance: runs/lines of the job's own log; the offer expiry logs only when an offer expired)"

echo
status=0
summary=()
((load_status == 0)) || { status=1; summary+=("the load client failed"); }
[[ "$missing" == 0 ]] || { status=1; summary+=("$missing acknowledged writes missing"); }
[[ "$without_audit" == 0 ]] || { status=1; summary+=("$without_audit writes without their involvement or audit row"); }
((acknowledged > 0)) || { status=1; summary+=("nothing acknowledged"); }
((jobs_status == 0)) || { status=1; summary+=("a scheduled job ran more than once in a slot, or not at all"); }
[[ $rejoined == true ]] || { status=1; summary+=("the restarted instance did not rejoin"); }
if ((status == 0)); then
	echo "RESULT: OK (sessions on every instance, jobs once per schedule, 0 of $acknowledged acknowledged writes lost, the survivor kept serving, helhed-$victim rejoined)"
else
	echo "RESULT: FAILED: $(IFS=';'; echo "${summary[*]}")"
fi
exit $status
