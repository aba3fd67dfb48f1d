#!/usr/bin/env bash
# Re-runs, with plain HTTP requests (curl), the 15 findings of the outside probe of issue 8 ("Close the holes an
# attacker found in case work") and the partner-organisation pages that closed finding 1, against a running Helhed
# with the demo data on (delete ./data, then `./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=18181`).
# Every request is made as an attacker would: a session cookie from the login form and the CSRF token from a form.
#
# What it tries, and what it expects (each line of the table is one request; "expected" is a regular expression):
#   1  blaakors registers the demo citizen's known CPR number and an unknown one: 403 both (the answer does not tell
#      which is known); rusmiddel registers Mads's CPR again: joins as its own case, and its page does not show the
#      job centre's notes; another name is refused with "kendt under et andet navn"; blaakors opens Mads and
#      records a consent naming itself: 404.
#   2  boligsag (not a lead) closes Mads's record for everyone: 403; jobcenter withdraws a consent without the
#      citizen's words: 400.
#   3  blaakors asks for emergency access: 403.
#   4  boligsag (consent for housing and employment only) reads Mads: 200 without "Rusmiddelcenter Aabenraa" and
#      without the addiction note.
#   5  admin changes their own roles (after confirming their password): 400 with "Du kan ikke ændre dine egne roller".
#   6  20 simultaneous logins to one account with one guess left (19 wrong, 1 right): at most one logs in, no 5xx.
#   7  anonymous malformed requests (/?%zz=1, /aabenraa/indsatser?q=%, a 3 MB login body, 1,500 parameters): 4xx.
#   8  a login body with a malformed encoding and a CPR number: 4xx, and the CPR number is not in the log file.
#   9  a name search as jobcenter: 200, and the officer's access account of the citizen found lists one more search.
#  10  the HSDS CSV export: 200, no cell that starts with =, +, -, @ unescaped.
#  11  crafted field names (categories[-1], cpr[0], roles[-1], contacts[-1].name, schedules[0].days[255]): 4xx.
#  12  a bad language cookie and GET /error: 4xx (or 200 for the page), never 500.
#  13  a zip whose skipped __MACOSX/ entry unpacks to 60 MB: 400 within a few seconds.
#  14  X-Forwarded-Host/-Proto from a client: ignored in the redirect's Location and in the OpenAPI server URL.
#  15  five wrong logins for jobcenter from one address, then (after the address' wait) the right one: logs in; a
#      failed login for an unknown name is in the officer's audit search.
#  P  the partner page: jobcenter involves Blå Kors in Mads's case (confirmation 200, receipt 302), blaakors then
#     sees its own case (200) without the job centre's or the addiction centre's notes; blaakors may not involve
#     others (403); a hostile organisation id is refused (400); jobcenter ends Blå Kors' work (302), and Blå Kors,
#     without a consent, sees nothing again (404).
# It prints a table (finding, what, expected, answered, verdict) and exits non-zero when any answer was unexpected or
# any was a 5xx.
#
# Usage: scripts/attack-rerun.sh [base-url] [log-file]   (defaults http://127.0.0.1:18181, data/logs/helhed.log)
set -u
BASE=${1:-http://127.0.0.1:18181}
LOG=${2:-data/logs/helhed.log}
PASSWORD=demo-Helhed-2026
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
ROWS=()

row() { # finding, what, expected (regex), answered
	local verdict=ok
	if ! [[ "$4" =~ ^($3)$ ]] || [[ "$4" =~ ^5[0-9][0-9] ]]; then
		verdict=UNEXPECTED
		FAILED=$((FAILED + 1))
	fi
	ROWS+=("$(printf '%-3s|%-74s|%-14s|%-10s|%s' "$1" "$2" "$3" "$4" "$verdict")")
}

jar() { echo "$WORK/$1.jar"; }
body() { echo "$WORK/body"; }
token_from() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

# login USER [PASSWORD]: a fresh session; prints status and where it leads
login() {
	local user=$1 password=${2:-$PASSWORD}
	rm -f "$(jar "$user")"
	curl -s -o "$WORK/login" -c "$(jar "$user")" -b "$(jar "$user")" "$BASE/log-ind"
	local token
	token=$(token_from "$WORK/login")
	curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$(jar "$user")" -b "$(jar "$user")" \
		--data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" \
		"$BASE/log-ind"
}

# get USER PATH [curl args]: status; the body in $(body)
get() {
	local user=$1 path=$2
	shift 2
	curl -s -o "$(body)" -w '%{http_code}' -c "$(jar "$user")" -b "$(jar "$user")" "$@" "$BASE$path"
}

# post USER PATH [curl --data args]: with the CSRF token of the user's session (taken from a staff page's form)
post() {
	local user=$1 path=$2
	shift 2
	curl -s -o "$WORK/form" -c "$(jar "$user")" -b "$(jar "$user")" "$BASE/personale"
	local token
	token=$(token_from "$WORK/form")
	curl -s -o "$(body)" -w '%{http_code}' -c "$(jar "$user")" -b "$(jar "$user")" --data-urlencode "_csrf=$token" \
		"$@" "$BASE$path"
}

contains() { grep -q -- "$1" "$(body)" && echo yes || echo no; }

for user in jobcenter boligsag rusmiddel blaakors admin dpo redaktoer; do
	answer=$(login "$user")
	row 0 "log in as $user" "302 .*/personale" "$answer"
done

# The demo citizen Mads, found by CPR number as the job centre
post jobcenter /personale/borgere/cpr --data-urlencode "cpr=120375-1234" >/dev/null
MADS=$(grep -o '/personale/borgere/[0-9a-f-]\{36\}' "$(body)" | head -1 | sed 's|.*/||')
[ -n "$MADS" ] || { echo "Mads Testesen (syntetisk) not found: is the demo data on?" >&2; exit 2; }

# 1: a CPR number does not open the case
row 1 "blaakors registers a known CPR number" "403" "$(post blaakors /personale/borgere --data-urlencode cpr=120375-1234 --data-urlencode 'name=Mads Testesen (syntetisk)')"
row 1 "blaakors registers an unknown CPR number (same answer)" "403" "$(post blaakors /personale/borgere --data-urlencode cpr=010101-1018 --data-urlencode 'name=Ny Person (syntetisk)')"
row 1 "rusmiddel registers Mads again (its own case)" "302" "$(post rusmiddel /personale/borgere --data-urlencode cpr=120375-1234 --data-urlencode 'name=Mads Testesen (syntetisk)')"
row 1 "a unit registers Mads under another name" "400" "$(post boligsag /personale/borgere --data-urlencode cpr=120375-1234 --data-urlencode 'name=Helt Anden (syntetisk)')"
row 1 "  ... says 'kendt under et andet navn'" "yes" "$(contains 'kendt under et andet navn')"
row 1 "blaakors opens Mads" "404" "$(get blaakors "/personale/borgere/$MADS")"
row 1 "blaakors records a consent naming itself" "404" "$(post blaakors "/personale/borgere/$MADS/samtykker" --data-urlencode 'purpose=Egen adgang' --data-urlencode categories=HEALTH --data-urlencode categories=ADDICTION --data-urlencode "recipients=organisation:x" --data-urlencode givenOn=2026-01-01 --data-urlencode expiresOn=2026-12-31 --data-urlencode givenHow=VERBAL)"
row 1 "rusmiddel reads Mads: no job-centre note" "200" "$(get rusmiddel "/personale/borgere/$MADS")"
row 1 "  ... the job centre's housing note is hidden" "no" "$(contains 'Sover hos en ven')"

# 2: closing is per unit; withdrawal keeps the citizen's words
row 2 "boligsag closes Mads's record for everyone" "403|404" "$(post boligsag "/personale/borgere/$MADS/luk" --data-urlencode 'begrundelse=Borgeren er flyttet væk herfra')"
CONSENT=$(get jobcenter "/personale/borgere/$MADS" >/dev/null; grep -o "/samtykker/[0-9a-f-]\{36\}/tilbagekald" "$(body)" | head -1 | cut -d/ -f3)
row 2 "jobcenter withdraws a consent without the citizen's words" "400" "$(post jobcenter "/personale/borgere/$MADS/samtykker/$CONSENT/tilbagekald" --data-urlencode 'ord=')"

# 3: emergency access is for the municipality's own staff
row 3 "blaakors asks for emergency access" "403" "$(post blaakors /personale/borgere/noedadgang --data-urlencode cpr=120375-1234 --data-urlencode 'reason=Borgeren er i akut krise, og vi skal vide mere nu.')"

# 4: a consent-only reader sees what the consent covers
row 4 "boligsag reads Mads through the consent" "200" "$(get boligsag "/personale/borgere/$MADS")"
row 4 "  ... 'Rusmiddelcenter Aabenraa' is not shown" "no" "$(contains 'Rusmiddelcenter Aabenraa')"
row 4 "  ... the addiction note is not shown" "no" "$(contains 'Kommer til samtale hver tirsdag')"

# 5: an administrator cannot give themselves rights
get admin /personale/brugere >/dev/null
ADMIN=$(python3 -c "
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
found = re.search(r'/personale/brugere/([0-9a-f-]{36})\"[^<]*</a></th>\\s*<td>admin</td>', page)
print(found.group(1) if found else '')" "$(body)")
row 5 "admin's own account is found" "yes" "$([ -n "$ADMIN" ] && echo yes || echo no)"
post admin /personale/bekraeft --data-urlencode "password=$PASSWORD" --data-urlencode "tilbage=/personale/brugere/$ADMIN" >/dev/null
row 5 "admin gives themselves case work, criminal matters and DPO" "400" "$(post admin "/personale/brugere/$ADMIN" --data-urlencode 'displayName=Demo Administrator' --data-urlencode email= --data-urlencode roles=ADMINISTRATOR --data-urlencode roles=CASEWORKER --data-urlencode roles=CRIMINAL_MATTERS --data-urlencode roles=DATA_PROTECTION_OFFICER --data-urlencode partnerId=)"
row 5 "  ... 'Du kan ikke ændre dine egne roller'" "yes" "$(contains 'Du kan ikke ændre dine egne roller')"

# 6: 20 simultaneous attempts with one guess left (four wrong first)
for n in 1 2 3 4; do login nyansat "forkert-$n" >/dev/null; done
sleep 16 # the address' growing wait after its failures
for n in $(seq 1 20); do
	(if [ "$n" = 8 ]; then login "nyansat" > "$WORK/p$n"; else login nyansat "forkert-$n" > "$WORK/p$n"; fi) &
done
wait
IN=$(cat "$WORK"/p* | grep -c '/personale$')
ERR=$(cat "$WORK"/p* | grep -c '^5')
row 6 "20 parallel logins with one guess left: logged in" "0|1" "$IN"
row 6 "20 parallel logins: server errors" "0" "$ERR"

# 7: malformed requests, anonymous
row 7 "GET /?%zz=1" "400" "$(get nobody '/?%zz=1')"
row 7 "GET /aabenraa/indsatser?q=%" "400" "$(get nobody '/aabenraa/indsatser?q=%')"
head -c 3000000 /dev/zero | tr '\0' 'a' | sed 's/^/username=/' > "$WORK/big"
row 7 "POST /log-ind with a 3 MB body" "4[0-9][0-9]" "$(curl -s -o /dev/null -w '%{http_code}' --data-binary @"$WORK/big" "$BASE/log-ind")"
python3 -c "print('&'.join('p%d=1' % i for i in range(1500)))" > "$WORK/many"
row 7 "POST /log-ind with 1,500 parameters" "4[0-9][0-9]" "$(curl -s -o /dev/null -w '%{http_code}' --data-binary @"$WORK/many" "$BASE/log-ind")"
row 7 "GET /aabenraa/indsatser?%zz with 1,500 parameters" "4[0-9][0-9]" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/aabenraa/indsatser?$(cat "$WORK/many")")"

# 8: no CPR number in the log
row 8 "POST /log-ind cpr=170566-7788%zz&name=Lise" "4[0-9][0-9]" "$(curl -s -o /dev/null -w '%{http_code}' --data-binary 'cpr=170566-7788%zz&navn=Lise%20Logsen' "$BASE/log-ind")"
row 8 "POST a citizen form with cpr=170566-7788%zz" "4[0-9][0-9]" "$(curl -s -o /dev/null -w '%{http_code}' -b "$(jar jobcenter)" --data-binary 'cpr=170566-7788%zz' "$BASE/personale/borgere")"
sleep 1
row 8 "  ... 170566 or 'Logsen' in $LOG" "no" "$( [ -f "$LOG" ] && { grep -q '170566\|Logsen' "$LOG" && echo yes || echo no; } || echo 'no log')"

# 9: each citizen shown in a search finds it in their access account
post dpo /personale/aktindsigt --data-urlencode cpr=120375-1234 >/dev/null
SEARCHES=$(grep -o 'Søgte dig frem' "$(body)" | wc -l)
row 9 "jobcenter searches by name 'Testesen'" "200" "$(post jobcenter /personale/borgere/navn --data-urlencode navn=Testesen)"
row 9 "dpo's access account for Mads" "200" "$(post dpo /personale/aktindsigt --data-urlencode cpr=120375-1234)"
row 9 "  ... one more 'Søgte dig frem' (the name search)" "$((SEARCHES + 1))" "$(grep -o 'Søgte dig frem' "$(body)" | wc -l)"

# 10: CSV formula injection
row 10 "GET the HSDS CSV export" "200" "$(curl -s -o "$WORK/export.zip" -w '%{http_code}' "$BASE/api/municipalities/aabenraa/hsds/export.zip")"
row 10 "  ... cells starting with = + - @ unescaped" "0" "$(python3 - "$WORK/export.zip" <<'EOF'
import csv, io, sys, zipfile
bad = 0
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.endswith('.csv'):
            for cells in csv.reader(io.StringIO(z.read(name).decode('utf-8'))):
                bad += sum(1 for c in cells if c[:1] in ('=', '+', '@', '\t', '\r') or (c[:1] == '-' and not c[1:2].isdigit()))
print(bad)
EOF
)"

# 11: crafted field names
row 11 "citizen form: cpr[0]" "400" "$(post jobcenter /personale/borgere --data-urlencode 'cpr[0]=1' --data-urlencode 'name=X')"
row 11 "consent form: categories[-1]" "400" "$(post jobcenter "/personale/borgere/$MADS/samtykker" --data-urlencode 'categories[-1]=HOUSING')"
row 11 "legal basis form: categories[-1]" "400|403" "$(post jobcenter "/personale/borgere/$MADS/lovgrundlag" --data-urlencode 'categories[-1]=HOUSING')"
row 11 "emergency form: cpr[0]" "400" "$(post jobcenter /personale/borgere/noedadgang --data-urlencode 'cpr[0]=1')"
row 11 "audit form: roles[-1]" "400" "$(post dpo /personale/revision --data-urlencode 'roles[-1]=x')"
row 11 "user form: roles[-1]" "400" "$(post admin "/personale/brugere/$ADMIN" --data-urlencode 'roles[-1]=ADMINISTRATOR')"
row 11 "service form: contacts[-1].name" "400" "$(post redaktoer /personale/indsatser --data-urlencode 'contacts[-1].name=x')"
row 11 "service form: schedules[0].days[255]" "400" "$(post redaktoer /personale/indsatser --data-urlencode 'schedules[0].days[255]=MONDAY')"
row 11 "partner form: organisation[0]" "400" "$(post jobcenter "/personale/borgere/$MADS/samarbejdspartnere/bekraeft" --data-urlencode 'organisation[0]=x')"

# 12: bad cookie, /error
row 12 "GET / with helhed-sprog=%%%" "200|400" "$(curl -s -o /dev/null -w '%{http_code}' -H 'Cookie: helhed-sprog=%%%' "$BASE/")"
row 12 "GET /error" "4[0-9][0-9]" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/error")"

# 13: a zip bomb in a skipped entry
python3 - "$WORK/bomb.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('__MACOSX/._services.csv', b'\0' * (60 * 1024 * 1024))
    z.writestr('services.csv', 'id,name\n')
EOF
get redaktoer /personale/import >/dev/null
TOKEN=$(token_from "$(body)")
START=$(date +%s)
row 13 "upload a zip whose __MACOSX entry unpacks to 60 MB" "400" "$(curl -s -o /dev/null -w '%{http_code}' -b "$(jar redaktoer)" -F "_csrf=$TOKEN" -F handling=kontroller -F "fil=@$WORK/bomb.zip;type=application/zip" "$BASE/personale/import")"
row 13 "  ... seconds it took" "[0-4]" "$(( $(date +%s) - START ))"

# 14: forwarded headers from a client
row 14 "GET /personale with X-Forwarded-Host: evil.example" "302" "$(curl -s -o /dev/null -w '%{http_code}' -D "$WORK/headers" -H 'X-Forwarded-Host: evil.example' -H 'X-Forwarded-Proto: https' "$BASE/personale")"
row 14 "  ... evil.example in Location" "no" "$(grep -qi 'evil.example' "$WORK/headers" && echo yes || echo no)"
curl -s -H 'X-Forwarded-Host: evil.example' "$BASE/api/openapi" > "$WORK/openapi"
row 14 "  ... evil.example in the OpenAPI server URL" "no" "$(grep -q 'evil.example' "$WORK/openapi" && echo yes || echo no)"

# 15: one address cannot lock a colleague out; unknown names are seen by the officer
for n in 1 2 3 4 5 6; do login jobcenter "forkert-$n" >/dev/null; done
sleep 16
row 15 "jobcenter logs in after six wrong guesses from one address" "302 .*/personale" "$(login jobcenter)"
login "ukendt-$RANDOM" "forkert" >/dev/null
row 15 "dpo searches failed logins" "200" "$(post dpo /personale/revision --data-urlencode action=LOGIN_FAILED --data-urlencode from= --data-urlencode to= --data-urlencode username= --data-urlencode cpr=)"
row 15 "  ... a failed login of an unknown name is listed" "yes" "$(grep -qi 'ukendt bruger\|ukendt brugernavn\|Mislykket login' "$(body)" && echo yes || echo no)"

# P: the partner page
BLAAKORS=$(get jobcenter "/personale/borgere/$MADS" >/dev/null; grep -o '<option value="[0-9a-f-]\{36\}">Blå Kors</option>' "$(body)" | head -1 | cut -d'"' -f2)
row P "jobcenter's page offers Blå Kors" "yes" "$([ -n "$BLAAKORS" ] && echo yes || echo no)"
row P "blaakors opens Mads before" "404" "$(get blaakors "/personale/borgere/$MADS")"
row P "jobcenter: confirmation page" "200" "$(post jobcenter "/personale/borgere/$MADS/samarbejdspartnere/bekraeft" --data-urlencode "organisation=$BLAAKORS" --data-urlencode 'begrundelse=Borgeren vil have støtte fra værestedet.')"
row P "jobcenter: a reason too short" "400" "$(post jobcenter "/personale/borgere/$MADS/samarbejdspartnere" --data-urlencode "organisation=$BLAAKORS" --data-urlencode 'begrundelse=kort')"
row P "jobcenter: a hostile organisation id" "400" "$(post jobcenter "/personale/borgere/$MADS/samarbejdspartnere" --data-urlencode "organisation=<script>x</script>" --data-urlencode 'begrundelse=Borgeren vil have støtte fra værestedet.')"
row P "jobcenter involves Blå Kors (receipt)" "302" "$(post jobcenter "/personale/borgere/$MADS/samarbejdspartnere" --data-urlencode "organisation=$BLAAKORS" --data-urlencode 'begrundelse=Borgeren vil have støtte fra værestedet.')"
row P "blaakors opens its own case" "200" "$(get blaakors "/personale/borgere/$MADS")"
row P "  ... no note of the job centre or the addiction centre" "no" "$(grep -q 'Sover hos en ven\|Ønsker praktik\|Kommer til samtale' "$(body)" && echo yes || echo no)"
row P "blaakors involves another organisation" "403" "$(post blaakors "/personale/borgere/$MADS/samarbejdspartnere/bekraeft" --data-urlencode "organisation=$BLAAKORS" --data-urlencode 'begrundelse=Borgeren vil have støtte fra værestedet.')"
row P "blaakors ends its own involvement from the municipal page" "403" "$(post blaakors "/personale/borgere/$MADS/samarbejdspartnere/afslut" --data-urlencode "organisation=$BLAAKORS")"
row P "boligsag (not in the case) involves Blå Kors" "403|404" "$(post boligsag "/personale/borgere/$MADS/samarbejdspartnere" --data-urlencode "organisation=$BLAAKORS" --data-urlencode 'begrundelse=Borgeren vil have støtte fra værestedet.')"
row P "jobcenter: the ending's confirmation page" "200" "$(get jobcenter "/personale/borgere/$MADS/samarbejdspartnere/afslut?organisation=$BLAAKORS")"
row P "jobcenter ends Blå Kors' work (receipt)" "302" "$(post jobcenter "/personale/borgere/$MADS/samarbejdspartnere/afslut" --data-urlencode "organisation=$BLAAKORS")"
row P "blaakors opens Mads after" "404" "$(get blaakors "/personale/borgere/$MADS")"

printf '%-3s|%-74s|%-14s|%-10s|%s\n' "#" "what" "expected" "answered" "verdict"
printf '%s\n' "${ROWS[@]}"
echo "${#ROWS[@]} checks, $FAILED unexpected"
[ "$FAILED" -eq 0 ]
